package org.lfr.recognition.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.recognition.pipeline.enrol.EnrolmentAnalyser;
import org.lfr.recognition.pipeline.image.ImageHeader;
import org.lfr.watchlist.EnrolmentRejectedException;
import org.lfr.watchlist.EnrolmentRejection;
import org.lfr.watchlist.FaceEnrolment;

/** Enrolment's face checks and embedding, by the same pipeline that cameras run. */
@ApplicationScoped
class FaceEnrolmentAdapter implements FaceEnrolment {

    private final EnrolmentAnalyser analyser;
    private final ImagePolicy images;

    FaceEnrolmentAdapter(EnrolmentAnalyser analyser, ImagePolicy images) {
        this.analyser = analyser;
        this.images = images;
    }

    @Override
    public EnrolledFace enrol(byte[] image) {
        ImageHeader header;
        try {
            header = images.check("image", image);
        } catch (ImagePolicy.RefusedException e) {
            throw new EnrolmentRejectedException(rejection(e.refusal()), e.getMessage());
        }
        try {
            EnrolmentAnalyser.Enrolled enrolled = analyser.analyse(image);
            return new EnrolledFace(enrolled.embedding(), enrolled.model(), header.format().contentType);
        } catch (EnrolmentAnalyser.Refused e) {
            throw new EnrolmentRejectedException(rejection(e.problem()), e.getMessage());
        }
    }

    @Override
    public int maxImageBytes() {
        return images.maxBytes();
    }

    @Override
    public String model() {
        return analyser.model();
    }

    static EnrolmentRejection rejection(ImageRefusal refusal) {
        return switch (refusal) {
            case EMPTY, UNSUPPORTED_FORMAT -> EnrolmentRejection.UNSUPPORTED_FORMAT;
            case TOO_LARGE -> EnrolmentRejection.TOO_LARGE;
            case TOO_MANY_PIXELS -> EnrolmentRejection.TOO_MANY_PIXELS;
        };
    }

    static EnrolmentRejection rejection(EnrolmentAnalyser.Problem problem) {
        return switch (problem) {
            case UNDECODABLE -> EnrolmentRejection.UNSUPPORTED_FORMAT;
            case NO_FACE -> EnrolmentRejection.NO_FACE;
            case MULTIPLE_FACES -> EnrolmentRejection.MULTIPLE_FACES;
            case FACE_TOO_SMALL -> EnrolmentRejection.FACE_TOO_SMALL;
            case TOO_BLURRY -> EnrolmentRejection.TOO_BLURRY;
        };
    }
}
