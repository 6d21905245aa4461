package org.lfr.recognition.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * How long a looped file camera rests between plays. The demo's clip shows the same people each time, and a clip
     * replayed back to back would raise the same alerts every few seconds for as long as the service runs: resting
     * makes it a sighting now and then, as on a street. Live streams never rest.
     */
    @WithDefault("10m")
    java.time.Duration loopRest();

    Detector detector();

    @WithDefault("fr_landmark.onnx")
    String landmarkModel();

    /** Average the landmarks of the face crop and of its mirror image (docs/ACCURACY.md: better on every metric). */
    @WithDefault("true")
    boolean landmarkFlipAveraging();

    Embedder embedder();

    /**
     * An optional second embedder fused with the first (docs/ACCURACY.md): absent unless its model is configured.
     */
    SecondEmbedder secondEmbedder();

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

    interface Embedder extends EmbedderSettings {
        @WithDefault("fr_feature.onnx")
        String model();
    }

    /** How an embedder's input is prepared: alignment template, size, channel order and pixel normalisation. */
    interface EmbedderSettings {
        @WithDefault("BGR")
        String channelOrder();

        @WithDefault("false")
        boolean flipAugmentation();

        /** Side of the square aligned face the model takes. */
        @WithDefault("112")
        int inputSize();

        /** Subtracted from each pixel, per channel in the model's channel order (one value = all channels). */
        @WithDefault("127")
        List<Float> pixelMean();

        /** Pixels are divided by this after the mean is subtracted. */
        @WithDefault("128")
        float pixelScale();

        /**
         * Where the five points (left eye, right eye, nose tip, left and right mouth corner) go in the aligned face,
         * as x1,y1,…,x5,y5 in pixels; absent: the ArcFace template scaled to the input size.
         */
        Optional<List<Double>> alignmentTemplate();
    }

    /**
     * dlib's 128-d ResNet converted from @vladmandic/face-api (models/README.md). It takes dlib's 150 px face chips:
     * RGB, (p - mean) / 255, and the five points where dlib's mean face shape puts them with 0.25 padding. Set the
     * model to empty ({@code LFR_RECOGNITION_SECOND_EMBEDDER_MODEL=}) to run the first embedder alone.
     */
    interface SecondEmbedder extends EmbedderSettings {
        /** Model file; no second embedder runs unless it is set. */
        @WithDefault("faceapi_resnet.onnx")
        Optional<String> model();

        /** Its share of the fused cosine similarity; the first embedder has the rest (docs/ACCURACY.md). */
        @WithDefault("0.7")
        double weight();

        @Override
        @WithDefault("RGB")
        String channelOrder();

        @Override
        @WithDefault("150")
        int inputSize();

        @Override
        @WithDefault("122.782,117.001,104.298")
        List<Float> pixelMean();

        @Override
        @WithDefault("255")
        float pixelScale();

        @Override
        @WithDefault("47.4152,46.1947,100.6101,46.1947,74.0127,76.5625,52.2264,103.2513,95.7989,103.2513")
        Optional<List<Double>> alignmentTemplate();
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
        /** Observations (embeddings) of one track that must agree on the same entry before an alert. */
        @WithDefault("2")
        int minAgreeingFrames();

        @WithDefault("0.3")
        float iouMatch();

        /** A track unseen this long is forgotten, with everything it held. */
        @WithDefault("2s")
        Duration maxUnseen();

        /**
         * A track's face is embedded again after this long even if it is no better (0: every face of every analysed
         * frame, the policy before tracks decided). A new track, and an undecided one, embed at once.
         */
        @WithDefault("500ms")
        Duration reembedInterval();

        /** A face this many times better (size × sharpness) than the best embedded so far is embedded at once. */
        @WithDefault("1.25")
        double betterQuality();

        /**
         * A track whose last embedding's nearest entry came this close below the threshold (or above it), and that
         * has not alerted for it, is undecided and embedded on every analysed frame: a passer near the threshold
         * gets every chance that embedding every frame gave. A person's similarity can jump that much between
         * analysed frames 0.1 s apart: with 0.1 a passer of the CCTV clip loses its alert, 0.15 keeps every passer of
         * both clips (TrackPolicyVideoTest, docs/PERFORMANCE.md).
         */
        @WithDefault("0.15")
        double undecidedMargin();
    }
}
