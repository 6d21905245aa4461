package org.lfr.recognition.pipeline.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.tools.StandaloneConfig;

/** The fused vector's cosine is the weighted sum of the two models' cosines; the default pipeline fuses 0.3 / 0.7. */
class FusedEmbeddingTest {

    static float[] unit(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return FaceEmbedder.normalise(v);
    }

    @Test
    void theFusedCosineIsTheWeightedSumOfThePerModelCosines() {
        FacePipeline pipeline = PipelineFactory.create(StandaloneConfig.recognition());
        List<EmbeddingBranch> branches = pipeline.branches();
        assertThat(branches).hasSize(2);
        double w1 = branches.get(0).weight();
        double w2 = branches.get(1).weight();
        assertThat(w1).isEqualTo(0.3, within(1e-9));
        assertThat(w2).isEqualTo(0.7, within(1e-9));
        assertThat(pipeline.embeddingName()).contains("fr_feature.onnx").contains("faceapi_resnet.onnx")
                .contains("@0.3").contains("@0.7");

        Random r = new Random(5);
        float[] a1 = unit(r, 512), a2 = unit(r, 128), b1 = unit(r, 512), b2 = unit(r, 128);
        float[] a = pipeline.fuse(List.of(a1, a2));
        float[] b = pipeline.fuse(List.of(b1, b2));
        assertThat(a).hasSize(640);
        assertThat(FaceEmbedder.cosine(a, a)).as("still a unit vector").isEqualTo(1.0, within(1e-5));
        assertThat(FaceEmbedder.cosine(a, b)).isEqualTo(
                w1 * FaceEmbedder.cosine(a1, b1) + w2 * FaceEmbedder.cosine(a2, b2), within(1e-5));
    }

    @Test
    void anAlignmentThatDoesNotFitTheEmbeddersInputIsRefused() {
        FacePipeline pipeline = PipelineFactory.create(StandaloneConfig.recognition());
        FaceEmbedder second = pipeline.branches().get(1).embedder();
        assertThatThrownBy(() -> new EmbeddingBranch(org.lfr.recognition.pipeline.align.FaceAligner.arcFace(112), second, 0.5))
                .hasMessageContaining("takes 150 px faces");
        assertThatThrownBy(() -> new FacePipeline(pipeline.detector(), pipeline.landmarker(),
                List.of(pipeline.branches().get(0))))
                .as("one branch with weight 0.3 does not add up to 1").hasMessageContaining("add up to 1");
    }
}
