package org.lfr.recognition.pipeline.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimilarityTransformTest {

    @Test
    void recoversAKnownRotationScaleAndTranslationFromFivePoints() {
        double angle = Math.toRadians(17), scale = 0.42, tx = -12.5, ty = 30.25;
        double a = scale * Math.cos(angle), b = scale * Math.sin(angle);
        double[][] src = {{100, 120}, {180, 118}, {140, 160}, {110, 200}, {175, 198}};
        double[][] dst = new double[5][];
        for (int i = 0; i < 5; i++) {
            dst[i] = new double[] {a * src[i][0] - b * src[i][1] + tx, b * src[i][0] + a * src[i][1] + ty};
        }
        double[] m = SimilarityTransform.fit(src, dst);
        assertThat(m).containsExactly(new double[] {a, -b, tx, b, a, ty}, within(1e-9));
    }

    @Test
    void usesAllPointsInTheLeastSquaresSense() {
        // four points agree on the identity, one is off by 10 px: a robust estimator would drop it, we must not
        double[][] src = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 5}};
        double[][] dst = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {15, 5}};
        double[] m = SimilarityTransform.fit(src, dst);
        assertThat(m[2]).as("the outlier pulls the translation").isEqualTo(2.0, within(1e-9));
        assertThat(m[0]).isEqualTo(1.0, within(1e-9));
    }
}
