package org.lfr.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The S-norm arithmetic of the cohort experiment on three cohort faces, worked out by hand. */
class CohortNormalisationTest {

    static final float[] A = {1, 0};
    static final float[] B = {0.6f, 0.8f};
    static final Map<String, float[]> EMBEDDINGS = Map.of("a", A, "b", B);
    // cohort (0, 1), (1, 0), (-1, 0): a scores 0, 1, -1; b scores 0.8, 0.6, -0.6; a against b: 0.6
    static final List<float[]> COHORT = List.of(new float[] {0, 1}, new float[] {1, 0}, new float[] {-1, 0});

    @Test
    void sNormCentresEachSideOnItsCohortScores() {
        // all three: a mean 0, sd sqrt(2/3) = 0.816497; b mean 0.266667, sd sqrt(0.382222) = 0.618241
        // ½ [(0.6 - 0) / 0.816497 + (0.6 - 0.266667) / 0.618241] = ½ [0.734847 + 0.539164] = 0.637006
        CohortNormalisation.CohortStats all = CohortNormalisation.CohortStats.of(List.of("a", "b"), EMBEDDINGS,
                COHORT, 0);
        assertThat(all.byImage().get("b")[0]).isCloseTo(0.266667, within(1e-6));
        assertThat(all.sNorm().score("a", A, "b", B)).isCloseTo(0.637006, within(1e-5));
        // the two most similar only: a {1, 0} mean 0.5 sd 0.5; b {0.8, 0.6} mean 0.7 sd 0.1
        // ½ [(0.6 - 0.5) / 0.5 + (0.6 - 0.7) / 0.1] = ½ [0.2 - 1] = -0.4: b's close look-alikes pull it down
        CohortNormalisation.CohortStats top = CohortNormalisation.CohortStats.of(List.of("a", "b"), EMBEDDINGS,
                COHORT, 2);
        assertThat(top.sNorm().score("a", A, "b", B)).isCloseTo(-0.4, within(1e-5));
        assertThat(top.sNorm().score("b", B, "a", A)).as("symmetric").isCloseTo(-0.4, within(1e-5));
    }
}
