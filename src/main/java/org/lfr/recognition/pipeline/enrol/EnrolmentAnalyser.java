package org.lfr.recognition.pipeline.enrol;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.pipeline.FaceObservation;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.image.ImageDecoder;

/**
 * Checks an enrolment photo the way a careful officer would — exactly one face, big enough, sharp enough — and
 * embeds it. A watchlist is only as good as its enrolment images.
 */
public final class EnrolmentAnalyser {

    /** What can be wrong with an enrolment photo. */
    public enum Problem {
        UNDECODABLE, NO_FACE, MULTIPLE_FACES, FACE_TOO_SMALL, TOO_BLURRY
    }

    /** The photo is not fit to enrol, for {@link #problem()}. */
    public static final class Refused extends RuntimeException {

        private final Problem problem;

        Refused(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public record Enrolled(float[] embedding, String model, FaceBox face, double sharpness) {
    }

    private final FacePipeline pipeline;
    private final RecognitionConfig.Enrolment rules;

    public EnrolmentAnalyser(FacePipeline pipeline, RecognitionConfig.Enrolment rules) {
        this.pipeline = pipeline;
        this.rules = rules;
    }

    /** The embedding name of the pipeline's models. */
    public String model() {
        return pipeline.embeddingName();
    }

    /** Blocking (inference): call off the event loop. */
    public Enrolled analyse(byte[] image) {
        try (Mat frame = ImageDecoder.decodeBgr(image)) {
            if (frame == null) {
                throw new Refused(Problem.UNDECODABLE, "the image cannot be decoded");
            }
            List<FaceBox> faces = pipeline.detect(frame);
            if (faces.isEmpty()) {
                throw new Refused(Problem.NO_FACE, "no face found in the image");
            }
            if (faces.size() > 1) {
                throw new Refused(Problem.MULTIPLE_FACES,
                        faces.size() + " faces found; an enrolment image shows exactly one person");
            }
            FaceBox face = faces.get(0);
            if (Math.min(face.width(), face.height()) < rules.minFaceSize()) {
                throw new Refused(Problem.FACE_TOO_SMALL, String.format("the face is %.0f px; at least %d px needed",
                        Math.min(face.width(), face.height()), rules.minFaceSize()));
            }
            FaceObservation observation = pipeline.describe(frame, face);
            if (observation.sharpness() < rules.minSharpness()) {
                throw new Refused(Problem.TOO_BLURRY, String.format("sharpness %.1f is below %.1f",
                        observation.sharpness(), rules.minSharpness()));
            }
            return new Enrolled(observation.embedding(), pipeline.embeddingName(), face, observation.sharpness());
        }
    }
}
