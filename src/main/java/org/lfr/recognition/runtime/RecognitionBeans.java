package org.lfr.recognition.runtime;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.enrol.EnrolmentAnalyser;

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
