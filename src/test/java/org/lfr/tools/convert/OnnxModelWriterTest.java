package org.lfr.tools.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfr.recognition.pipeline.model.OnnxModel;
import org.lfr.tools.convert.OnnxModelWriter.Attribute;

/**
 * A model written by {@link OnnxModelWriter} loads in ONNX Runtime and computes what its nodes say: the ops and
 * encodings the dlib-ResNet conversion uses (Conv with pads, 8-bit weights dequantised in the graph, Pad, Add, Relu,
 * AveragePool, GlobalAveragePool, Flatten, MatMul), checked against values worked out by hand.
 */
class OnnxModelWriterTest {

    @Test
    void aWrittenGraphRunsInOnnxRuntimeWithTheExpectedValues(@TempDir Path dir) throws Exception {
        OnnxModelWriter onnx = new OnnxModelWriter(13);
        // 1×1 conv, 1 → 2 channels, weights 8-bit: q * 0.5 + (-1) → q = {4, 0} gives {1, -1}; bias {0, 3}
        String q = onnx.bytes("w/q", new byte[] {4, 0}, 2, 1, 1, 1);
        String w = onnx.node("Cast", List.of(q), Attribute.of("to", 1));
        w = onnx.node("Mul", List.of(w, onnx.floats("w/step", new float[] {0.5f})));
        w = onnx.node("Add", List.of(w, onnx.floats("w/min", new float[] {-1f})));
        String x = onnx.node("Conv", List.of("input", w, onnx.floats("b", new float[] {0f, 3f}, 2)),
                Attribute.list("kernel_shape", 1, 1), Attribute.list("strides", 1, 1),
                Attribute.list("pads", 0, 0, 0, 0));
        x = onnx.node("Relu", List.of(x));
        // pad one zero channel at the end: 2 → 3 channels, then 2×2 average pool and global mean
        x = onnx.node("Pad", List.of(x, onnx.longs("pad", 0, 0, 0, 0, 0, 1, 0, 0)));
        x = onnx.node("AveragePool", List.of(x), Attribute.list("kernel_shape", 2, 2), Attribute.list("strides", 2, 2));
        x = onnx.node("GlobalAveragePool", List.of(x));
        x = onnx.node("Flatten", List.of(x), Attribute.of("axis", 1));
        x = onnx.node("MatMul", List.of(x, onnx.floats("fc", new float[] {1, 0, 0, 1, 10, 10}, 3, 2)));
        Path file = dir.resolve("tiny.onnx");
        try (OutputStream out = Files.newOutputStream(file)) {
            onnx.write(out, "test", "input", new long[] {1, 1, 2, 2}, x, "out", new long[] {1, 2});
        }

        try (OnnxModel model = new OnnxModel(file, 1)) {
            float[] input = {1, 2, 3, 4}; // mean 2.5
            float[] out = model.run(input, new long[] {1, 1, 2, 2}).get("out");
            // channel 0: relu(x) → mean 2.5; channel 1: relu(3 - x) = {2, 1, 0, 0} → mean 0.75; channel 2: 0
            assertThat(out).hasSize(2);
            assertThat(out[0]).isEqualTo(2.5f, within(1e-5f));
            assertThat(out[1]).isEqualTo(0.75f, within(1e-5f));
        }
    }
}
