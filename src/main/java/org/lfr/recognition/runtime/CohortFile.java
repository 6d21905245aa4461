package org.lfr.recognition.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The look-alike cohort's file ({@code cohort.json} beside the models, written by {@code scripts/evaluate DATASET
 * --cohort-out FILE}): embeddings of faces of people on no watchlist, with a provenance header (source, date, the
 * embedding name and the SHA-256 of every model file, as {@code calibration.json} records them). Plain Java, shared
 * with the evaluation tool so that writer and reader cannot drift apart.
 *
 * <p>Each vector is stored as one float scale and one signed byte per dimension ({@code round(x / max|x| * 127)}):
 * a quarter of float32's size, which keeps a 1,000-face cohort of 640-d fused embeddings under 1 MB in the
 * repository; the cosine error this adds is about 1e-4, far below the 0.005 steps of the calibrated thresholds.
 */
public final class CohortFile {

    public static final int FORMAT = 1;
    static final String ENCODING = "int8: per vector, a big-endian float32 scale then one signed byte per dimension"
            + " (value = byte * scale / 127), base64";

    /** What the file says about itself, and its unit vectors (dequantised and re-normalised). */
    public record Cohort(String source, String created, String embedding, Map<String, String> modelsSha256,
            List<float[]> vectors) {
    }

    private CohortFile() {
    }

    public static void write(Path file, Map<String, Object> provenance, String embedding,
            Map<String, String> modelsSha256, List<float[]> vectors) throws IOException {
        int dims = vectors.get(0).length;
        ByteBuffer body = ByteBuffer.allocate(vectors.size() * (4 + dims));
        for (float[] v : vectors) {
            if (v.length != dims) {
                throw new IllegalArgumentException("cohort vectors differ in length: " + v.length + " and " + dims);
            }
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            body.putFloat(max);
            for (float x : v) {
                body.put((byte) Math.round(max == 0 ? 0 : x / max * 127));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.putAll(provenance);
        root.put("embedding", embedding);
        root.put("models_sha256", modelsSha256);
        root.put("count", vectors.size());
        root.put("dimensions", dims);
        root.put("encoding", ENCODING);
        root.put("vectors", Base64.getEncoder().encodeToString(body.array()));
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(root) + "\n");
    }

    public static Cohort read(JsonNode root) {
        if (root.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("unknown cohort format " + root.path("format"));
        }
        int count = root.path("count").asInt();
        int dims = root.path("dimensions").asInt();
        ByteBuffer body = ByteBuffer.wrap(Base64.getDecoder().decode(root.path("vectors").asText()));
        if (count <= 0 || dims <= 0 || body.remaining() != count * (4 + dims)) {
            throw new IllegalArgumentException("the cohort's vectors do not match its count " + count
                    + " and dimensions " + dims);
        }
        List<float[]> vectors = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float scale = body.getFloat() / 127;
            float[] v = new float[dims];
            double norm = 0;
            for (int d = 0; d < dims; d++) {
                v[d] = body.get() * scale;
                norm += v[d] * v[d];
            }
            float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dims; d++) {
                v[d] *= inv;
            }
            vectors.add(v);
        }
        Map<String, String> models = new LinkedHashMap<>();
        root.path("models_sha256").properties().forEach(e -> models.put(e.getKey(), e.getValue().asText()));
        return new Cohort(root.path("source").asText(), root.path("created").asText(),
                root.path("embedding").asText(), models, List.copyOf(vectors));
    }
}
