package org.lfr.tools.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lfr.tools.convert.OnnxModelWriter.Attribute;

/**
 * Converts the face-recognition ResNet of the npm package {@code @vladmandic/face-api} (MIT; a port of dlib's
 * 128-d ResNet face descriptor) from its TensorFlow.js weights to an ONNX model. The architecture is the one in that
 * package's {@code src/faceRecognitionNet}: conv → bias → per-channel scale, residual blocks, average-pool shortcuts
 * padded with zero channels, global mean, fully connected 256 → 128. Each scale layer is folded into its conv.
 * Filters the package ships 8-bit quantised stay 8-bit in the file ({@code q * step + min} is computed in the graph,
 * which ONNX Runtime folds into constants when it loads the model), so the file keeps the package's size.
 *
 * <p>Input {@code [1,3,150,150]}: RGB planes, {@code (p - mean_rgb) / 255} with mean (122.782, 117.001, 104.298).
 * Output {@code [1,128]}, not normalised.
 *
 * <p>Usage: {@code FaceApiResNetConverter MANIFEST.json OUT.onnx} (the .bin sits beside the manifest).
 */
public final class FaceApiResNetConverter {

    private static final int SIZE = 150;

    /** An 8-bit weight as shipped: value = q * step + min. */
    private record Quantised(byte[] q, float step, float min) {
    }

    private final Map<String, float[]> weights;
    private final Map<String, long[]> shapes = new HashMap<>();
    private final Map<String, Quantised> quantised = new HashMap<>();
    private final OnnxModelWriter onnx = new OnnxModelWriter(13);

    private FaceApiResNetConverter(Path manifest) throws IOException {
        this.weights = readWeights(manifest);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FaceApiResNetConverter face_recognition_model-weights_manifest.json out.onnx");
            System.exit(2);
        }
        FaceApiResNetConverter converter = new FaceApiResNetConverter(Path.of(args[0]));
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            converter.convert(out);
        }
        System.out.println("wrote " + args[1]);
    }

    private void convert(OutputStream out) throws IOException {
        String x = conv("input", "conv32_down", 2, true, false);
        x = onnx.node("MaxPool", List.of(x), Attribute.list("kernel_shape", 3, 3), Attribute.list("strides", 2, 2));
        int size = ((SIZE - 7) / 2 + 1 - 3) / 2 + 1;
        x = residual(x, "conv32_1");
        x = residual(x, "conv32_2");
        x = residual(x, "conv32_3");
        x = residualDown(x, "conv64_down", 32, 64, size);
        size = size / 2;
        x = residual(x, "conv64_1");
        x = residual(x, "conv64_2");
        x = residual(x, "conv64_3");
        x = residualDown(x, "conv128_down", 64, 128, size);
        size = size / 2;
        x = residual(x, "conv128_1");
        x = residual(x, "conv128_2");
        x = residualDown(x, "conv256_down", 128, 256, size);
        size = size / 2;
        x = residual(x, "conv256_1");
        x = residual(x, "conv256_2");
        x = residualDown(x, "conv256_down_out", 256, 256, size);
        x = onnx.node("GlobalAveragePool", List.of(x));
        x = onnx.node("Flatten", List.of(x), Attribute.of("axis", 1));
        String fc = weight("fc", weights.get("fc"), quantised.get("fc"), null, shapes.get("fc"));
        x = onnx.node("MatMul", List.of(x, fc));
        onnx.write(out, "lfr FaceApiResNetConverter", "input", new long[] {1, 3, SIZE, SIZE}, x, "embedding",
                new long[] {1, 128});
    }

    private String residual(String x, String name) {
        String out = conv(x, name + "/conv1", 1, true, true);
        out = conv(out, name + "/conv2", 1, false, true);
        return onnx.node("Relu", List.of(onnx.node("Add", List.of(out, x))));
    }

    /** Strided residual block; the shortcut is a 2×2 average pool, zero-padded to the new channel count and size. */
    private String residualDown(String x, String name, int inChannels, int outChannels, int inSize) {
        String out = conv(x, name + "/conv1", 2, true, false);
        out = conv(out, name + "/conv2", 1, false, true);
        String pooled = onnx.node("AveragePool", List.of(x), Attribute.list("kernel_shape", 2, 2),
                Attribute.list("strides", 2, 2));
        if (outChannels != inChannels) {
            pooled = onnx.node("Pad", List.of(pooled, onnx.longs(name + "/channel_pad", 0, 0, 0, 0, 0,
                    outChannels - inChannels, 0, 0)));
        }
        int outSize = (inSize - 3) / 2 + 1;
        if (outSize != inSize / 2) {
            out = onnx.node("Pad", List.of(out, onnx.longs(name + "/size_pad", 0, 0, 0, 0, 0, 0,
                    inSize / 2 - outSize, inSize / 2 - outSize)));
        }
        return onnx.node("Relu", List.of(onnx.node("Add", List.of(pooled, out))));
    }

    /** Conv with its bias and the following scale layer folded in; "same" padding is symmetric for 3×3 stride 1. */
    private String conv(String x, String name, int stride, boolean relu, boolean same) {
        float[] hwio = weights.get(name + "/conv/filters");
        long[] s = shapes.get(name + "/conv/filters");
        int kh = (int) s[0];
        int kw = (int) s[1];
        int in = (int) s[2];
        int out = (int) s[3];
        float[] bias = weights.get(name + "/conv/bias");
        float[] scale = weights.get(name + "/scale/weights");
        float[] shift = weights.get(name + "/scale/biases");
        Quantised q = quantised.get(name + "/conv/filters");
        float[] oihw = new float[hwio.length];
        byte[] oihwQ = q == null ? null : new byte[hwio.length];
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int z = 0; z < kw; z++) {
                        int from = ((y * kw + z) * in + i) * out + o;
                        int to = ((o * in + i) * kh + y) * kw + z;
                        oihw[to] = hwio[from] * scale[o];
                        if (q != null) {
                            oihwQ[to] = q.q()[from];
                        }
                    }
                }
            }
            b[o] = bias[o] * scale[o] + shift[o];
        }
        String w = q == null ? onnx.floats(name + "/w", oihw, out, in, kh, kw)
                : weight(name + "/w", null, new Quantised(oihwQ, q.step(), q.min()), scale, out, in, kh, kw);
        int pad = same ? kh / 2 : 0;
        String result = onnx.node("Conv", List.of(x, w,
                onnx.floats(name + "/b", b, out)), Attribute.list("kernel_shape", kh, kw),
                Attribute.list("strides", stride, stride), Attribute.list("pads", pad, pad, pad, pad));
        return relu ? onnx.node("Relu", List.of(result)) : result;
    }

    /**
     * A weight tensor: float as is, or 8-bit {@code q} dequantised in the graph and, for conv filters, multiplied by
     * the folded per-output-channel scale.
     */
    private String weight(String name, float[] values, Quantised q, float[] channelScale, long... dims) {
        if (q == null) {
            return onnx.floats(name, values, dims);
        }
        String raw = onnx.bytes(name + "/q", q.q(), dims);
        String w = onnx.node("Cast", List.of(raw), Attribute.of("to", 1));
        w = onnx.node("Mul", List.of(w, onnx.floats(name + "/step", new float[] {q.step()})));
        w = onnx.node("Add", List.of(w, onnx.floats(name + "/min", new float[] {q.min()})));
        if (channelScale != null) {
            w = onnx.node("Mul", List.of(w, onnx.floats(name + "/scale", channelScale, dims[0], 1, 1, 1)));
        }
        return w;
    }

    /** TF.js weights: float32 as is, uint8-quantised ones as {@code q * scale + min}, in manifest order. */
    private Map<String, float[]> readWeights(Path manifest) throws IOException {
        JsonNode groups = new ObjectMapper().readTree(manifest.toFile());
        Map<String, float[]> result = new HashMap<>();
        for (JsonNode group : groups) {
            java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
            for (JsonNode path : group.get("paths")) {
                data.writeBytes(Files.readAllBytes(manifest.resolveSibling(path.asText())));
            }
            ByteBuffer buffer = ByteBuffer.wrap(data.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : group.get("weights")) {
                long[] shape = new long[w.get("shape").size()];
                int count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = w.get("shape").get(i).asLong();
                    count *= (int) shape[i];
                }
                float[] values = new float[count];
                JsonNode q = w.get("quantization");
                if (q == null) {
                    for (int i = 0; i < count; i++) {
                        values[i] = buffer.getFloat();
                    }
                } else if ("uint8".equals(q.get("dtype").asText())) {
                    float scale = (float) q.get("scale").asDouble();
                    float min = (float) q.get("min").asDouble();
                    byte[] q8 = new byte[count];
                    buffer.get(q8);
                    for (int i = 0; i < count; i++) {
                        values[i] = (q8[i] & 0xff) * scale + min;
                    }
                    quantised.put(w.get("name").asText(), new Quantised(q8, scale, min));
                } else {
                    throw new IllegalArgumentException("unsupported quantisation " + q + " of " + w.get("name"));
                }
                String name = w.get("name").asText();
                result.put(name, values);
                shapes.put(name, shape);
            }
            if (buffer.hasRemaining()) {
                throw new IllegalArgumentException(buffer.remaining() + " bytes of weights left over: wrong manifest");
            }
        }
        return result;
    }

}
