package org.lfr.recognition;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Models and their pre/post-processing, all by configuration so a better model can replace one without code
 * changes. See models/README.md for each file's contract.
 */
@ConfigMapping(prefix = "lfr.recognition")
public interface RecognitionConfig {

    /** Folder holding the model files (the image bakes them in; a volume can replace them). */
    @WithDefault("models")
    String modelDir();

    @WithDefault("1")
    int intraOpThreads();

    /** Replay file cameras when they end (demo cameras); live streams always reconnect. */
    @WithDefault("false")
    boolean loopFiles();

    Detector detector();

    @WithDefault("fr_landmark.onnx")
    String landmarkModel();

    /** Average the landmarks of the face crop and of its mirror image (docs/ACCURACY.md: better on every metric). */
    @WithDefault("true")
    boolean landmarkFlipAveraging();

    Embedder embedder();

    Enrolment enrolment();

    Tracking tracking();

    /**
     * Match against an exact in-memory copy of the frozen watchlist instead of querying pgvector for every frame
     * (same top-1, about ten times faster per face: docs/PERFORMANCE.md).
     */
    @WithDefault("true")
    boolean inMemoryMatching();

    interface Detector {
        @WithDefault("fr_detect.onnx")
        String model();

        @WithDefault("320")
        int inputWidth();

        @WithDefault("240")
        int inputHeight();

        @WithDefault("0.65")
        float minConfidence();

        @WithDefault("0.4")
        float nmsIou();

        /** Smallest face side in frame pixels that is analysed at all. */
        @WithDefault("20")
        int minFaceSize();
    }

    interface Embedder {
        @WithDefault("fr_feature.onnx")
        String model();

        @WithDefault("BGR")
        String channelOrder();

        @WithDefault("false")
        boolean flipAugmentation();
    }

    interface Enrolment {
        /** An enrolment face smaller than this (shorter side, pixels) is refused: FACE_TOO_SMALL. */
        @WithDefault("60")
        int minFaceSize();

        /** Variance of the Laplacian of the aligned face below which it is refused: TOO_BLURRY. */
        @WithDefault("25")
        double minSharpness();
    }

    interface Tracking {
        /** Frames of one track that must agree on the same entry before an alert. */
        @WithDefault("2")
        int minAgreeingFrames();

        @WithDefault("0.3")
        float iouMatch();

        /** Frames a track survives unseen. */
        @WithDefault("15")
        int maxMissedFrames();
    }
}
