package org.lfr.recognition.pipeline.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.lfr.recognition.pipeline.embed.FaceEmbedder;

/**
 * An exact in-memory copy of a frozen watchlist's embeddings: the same cosine nearest entries as pgvector's exact
 * search (a test holds it to that), about ten times faster per face (docs/PERFORMANCE.md). Safe only because a running
 * deployment's watchlist cannot change.
 */
public final class InMemoryWatchlistIndex {

    /** Whether the JVM offers the Vector API (started with {@code --add-modules jdk.incubator.vector}). */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private final List<UUID> entries;
    private final int dims;
    private final boolean vectorApi;
    /** Row-major, one normalised embedding per row: one contiguous scan per probe. */
    private final float[] matrix;

    public InMemoryWatchlistIndex(List<UUID> entries, List<float[]> embeddings) {
        this(entries, embeddings, VECTOR_API);
    }

    /** {@code vectorApi}: scan with the Vector API (only where the JVM offers it); tests run both scans. */
    InMemoryWatchlistIndex(List<UUID> entries, List<float[]> embeddings, boolean vectorApi) {
        this.vectorApi = vectorApi;
        if (entries.size() != embeddings.size()) {
            throw new IllegalArgumentException("one entry per embedding");
        }
        this.entries = List.copyOf(entries);
        this.dims = embeddings.isEmpty() ? 0 : embeddings.get(0).length;
        this.matrix = new float[entries.size() * dims];
        for (int i = 0; i < embeddings.size(); i++) {
            float[] e = embeddings.get(i);
            if (e.length != dims) {
                throw new IllegalArgumentException("embeddings of different sizes: " + e.length + " and " + dims);
            }
            System.arraycopy(FaceEmbedder.normalise(e), 0, matrix, i * dims, dims);
        }
    }

    public int size() {
        return entries.size();
    }

    /**
     * The {@code k} nearest entries by cosine, nearest first (fewer when the watchlist is smaller). The scan runs in
     * float, with the Vector API where the JVM offers it (10,000 × 640 in about 1 ms per face here) or else with
     * eight independent sums (2.2–2.8 ms, docs/PERFORMANCE.md); every row within float rounding of the k-th best is
     * then scored again in double, so the entries and their similarities are what an exact double computation gives
     * (InMemoryWatchlistIndexTest, both scans).
     */
    public List<WatchlistMatch> nearest(float[] probe, int k) {
        int n = entries.size();
        if (n == 0 || k < 1) {
            return List.of();
        }
        float[] p = FaceEmbedder.normalise(probe);
        if (p.length != dims) {
            throw new IllegalArgumentException("probe of size " + p.length + ", watchlist of size " + dims);
        }
        float[] fast = new float[n];
        // the k best fast scores, best first
        float[] top = new float[Math.min(k, n)];
        Arrays.fill(top, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            float f = vectorApi ? VectorDot.dot(p, matrix, i * dims, dims) : dot(p, matrix, i * dims, dims);
            fast[i] = f;
            if (f > top[top.length - 1]) {
                int j = top.length - 1;
                for (; j > 0 && top[j - 1] < f; j--) {
                    top[j] = top[j - 1];
                }
                top[j] = f;
            }
        }
        float cutoff = top[top.length - 1] - 1e-4f;
        List<WatchlistMatch> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (fast[i] >= cutoff) {
                candidates.add(new WatchlistMatch(entries.get(i), exactDot(p, i * dims)));
            }
        }
        candidates.sort(Comparator.comparingDouble(WatchlistMatch::similarity).reversed());
        return List.copyOf(candidates.subList(0, top.length));
    }

    private static float dot(float[] p, float[] m, int offset, int dims) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= dims; i += 8) {
            s0 += p[i] * m[offset + i];
            s1 += p[i + 1] * m[offset + i + 1];
            s2 += p[i + 2] * m[offset + i + 2];
            s3 += p[i + 3] * m[offset + i + 3];
            s4 += p[i + 4] * m[offset + i + 4];
            s5 += p[i + 5] * m[offset + i + 5];
            s6 += p[i + 6] * m[offset + i + 6];
            s7 += p[i + 7] * m[offset + i + 7];
        }
        for (; i < dims; i++) {
            s0 += p[i] * m[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private double exactDot(float[] p, int offset) {
        double dot = 0;
        for (int i = 0; i < dims; i++) {
            dot += (double) p[i] * matrix[offset + i];
        }
        return dot;
    }
}
