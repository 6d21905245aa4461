package org.lfr.recognition.pipeline.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {

    /** 68 landmarks whose five derived points sit exactly on {@code five} (each eye from its four eyelid points). */
    static float[] landmarksAt(double[][] five) {
        float[] p = new float[136];
        for (int i : new int[] {37, 38, 40, 41}) {
            set(p, i, five[0]);
        }
        for (int i : new int[] {43, 44, 46, 47}) {
            set(p, i, five[1]);
        }
        set(p, 30, five[2]);
        set(p, 48, five[3]);
        set(p, 60, five[3]);
        set(p, 54, five[4]);
        set(p, 64, five[4]);
        return p;
    }

    private static void set(float[] p, int i, double[] xy) {
        p[2 * i] = (float) xy[0];
        p[2 * i + 1] = (float) xy[1];
    }

    @Test
    void aFaceAlreadyOnTheTemplateComesOutUnchangedAtTheTemplatesSize() {
        double[][] template = {{47.4, 46.2}, {100.6, 46.2}, {74.0, 76.6}, {52.2, 103.3}, {95.8, 103.3}};
        try (Mat frame = new Mat(150, 150, opencv_core.CV_8UC3, new Scalar(0))) {
            try (UByteIndexer idx = frame.createIndexer()) {
                idx.put(46, 47, 0, 255); // a bright dot on the left eye
            }
            try (Mat aligned = new FaceAligner(150, template).align(frame, landmarksAt(template));
                    UByteIndexer out = aligned.createIndexer()) {
                assertThat(aligned.cols()).isEqualTo(150);
                assertThat(aligned.rows()).isEqualTo(150);
                assertThat(out.get(46, 47, 0)).isGreaterThan(200);
            }
        }
    }

    @Test
    void theArcFaceTemplateScalesWithTheSize() {
        FaceAligner big = FaceAligner.arcFace(224);
        assertThat(big.size()).isEqualTo(224);
        // a face on the 112 template, scaled ×2, must land on the 224 template: the 112 px aligner's output resized
        double[][] doubled = new double[5][];
        for (int i = 0; i < 5; i++) {
            doubled[i] = new double[] {FivePoints.ARCFACE_112[i][0] * 2, FivePoints.ARCFACE_112[i][1] * 2};
        }
        try (Mat frame = new Mat(224, 224, opencv_core.CV_8UC3, new Scalar(0))) {
            try (UByteIndexer idx = frame.createIndexer()) {
                idx.put((int) Math.round(doubled[2][1]), (int) Math.round(doubled[2][0]), 1, 255); // the nose tip
            }
            try (Mat aligned = big.align(frame, landmarksAt(doubled)); UByteIndexer out = aligned.createIndexer()) {
                assertThat(out.get((int) Math.round(doubled[2][1]), (int) Math.round(doubled[2][0]), 1))
                        .isGreaterThan(200);
            }
        }
    }

    @Test
    void aTemplateMustHaveFivePointsInsideTheFace() {
        assertThatThrownBy(() -> new FaceAligner(150, new double[][] {{1, 1}, {2, 2}}))
                .hasMessageContaining("five points");
        assertThatThrownBy(() -> new FaceAligner(112, new double[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {200, 5}}))
                .hasMessageContaining("inside");
    }
}
