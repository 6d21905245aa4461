package org.lfr.recognition;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lfr.recognition.enrol.EnrolmentAnalyser;

/** Wires the plain-Java pipeline into CDI, once per application (ONNX sessions are shared and thread-safe). */
public class RecognitionBeans {

    @Produces
    @Singleton
    FacePipeline pipeline(RecognitionConfig config) {
        return PipelineFactory.create(config);
    }

    @Produces
    @Singleton
    EnrolmentAnalyser enrolment(FacePipeline pipeline, RecognitionConfig config) {
        return new EnrolmentAnalyser(pipeline, config.enrolment());
    }
}
