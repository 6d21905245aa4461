package org.lfr.recognition.enrol;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.FaceObservation;
import org.lfr.recognition.FacePipeline;
import org.lfr.recognition.RecognitionConfig;
import org.lfr.recognition.detect.FaceBox;
import org.lfr.recognition.image.ImageDecoder;

/**
 * Checks an enrolment photo the way a careful officer would — exactly one face, big enough, sharp enough — and
 * embeds it. A watchlist is only as good as its enrolment images.
 */
public final class EnrolmentAnalyser {

    public record Enrolled(float[] embedding, String model, FaceBox face, double sharpness) {
    }

    private final FacePipeline pipeline;
    private final RecognitionConfig.Enrolment rules;

    public EnrolmentAnalyser(FacePipeline pipeline, RecognitionConfig.Enrolment rules) {
        this.pipeline = pipeline;
        this.rules = rules;
    }

    /** Blocking (inference): call off the event loop. */
    public Enrolled analyse(byte[] image) {
        try (Mat frame = ImageDecoder.decodeBgr(image)) {
            if (frame == null) {
                throw new EnrolmentRejectedException(EnrolmentRejection.UNSUPPORTED_FORMAT, "the image cannot be decoded");
            }
            List<FaceBox> faces = pipeline.detect(frame);
            if (faces.isEmpty()) {
                throw new EnrolmentRejectedException(EnrolmentRejection.NO_FACE, "no face found in the image");
            }
            if (faces.size() > 1) {
                throw new EnrolmentRejectedException(EnrolmentRejection.MULTIPLE_FACES,
                        faces.size() + " faces found; an enrolment image shows exactly one person");
            }
            FaceBox face = faces.get(0);
            if (Math.min(face.width(), face.height()) < rules.minFaceSize()) {
                throw new EnrolmentRejectedException(EnrolmentRejection.FACE_TOO_SMALL, String.format(
                        "the face is %.0f px; at least %d px needed", Math.min(face.width(), face.height()),
                        rules.minFaceSize()));
            }
            FaceObservation observation = pipeline.describe(frame, face);
            if (observation.sharpness() < rules.minSharpness()) {
                throw new EnrolmentRejectedException(EnrolmentRejection.TOO_BLURRY, String.format(
                        "sharpness %.1f is below %.1f", observation.sharpness(), rules.minSharpness()));
            }
            return new Enrolled(observation.embedding(), pipeline.embeddingName(), face, observation.sharpness());
        }
    }
}
