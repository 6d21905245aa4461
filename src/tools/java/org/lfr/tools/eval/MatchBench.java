package org.lfr.tools.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.lfr.recognition.pipeline.match.InMemoryWatchlistIndex;
import org.lfr.recognition.pipeline.track.FaceTracker;

/**
 * Time per face of the service's in-memory exact matcher against watchlists of synthetic unit vectors (the size
 * of the fused embedding by default), one thread, after a warm-up: {@code scripts/tool org.lfr.tools.eval.MatchBench
 * [DIMS] [SIZES...]} (the Vector API scan; run {@code java} without {@code --add-modules jdk.incubator.vector} on the
 * same classpath for the plain-Java one, docs/PERFORMANCE.md). Synthetic vectors cost what real ones cost: the scan does not depend on the values.
 */
public final class MatchBench {

    /** As the index decides: the Vector API when the JVM was started with it (scripts/tool does). */
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private MatchBench() {
    }

    public static void main(String[] args) {
        int dims = args.length > 0 ? Integer.parseInt(args[0]) : 640;
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {2_000, 10_000};
        Random random = new Random(20261130);
        for (int size : sizes) {
            List<UUID> ids = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ids.add(UUID.randomUUID());
                vectors.add(vector(random, dims));
            }
            InMemoryWatchlistIndex index = new InMemoryWatchlistIndex(ids, vectors);
            float[][] probes = new float[500][];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = vector(random, dims);
            }
            double sink = 0;
            for (int round = 0; round < 3; round++) { // warm-up: the JIT compiles the scan
                for (float[] p : probes) {
                    sink += index.nearest(p, FaceTracker.NEAREST).get(0).similarity();
                }
            }
            long start = System.nanoTime();
            int rounds = 4;
            for (int round = 0; round < rounds; round++) {
                for (float[] p : probes) {
                    sink += index.nearest(p, FaceTracker.NEAREST).get(0).similarity();
                }
            }
            double msPerFace = (System.nanoTime() - start) / 1e6 / (rounds * probes.length);
            System.out.printf("in-memory exact match, %,d enrolled x %d dims, %s scan: %.3f ms per face (checksum"
                    + " %.1f)%n", size, dims, VECTOR_API ? "Vector API" : "plain-Java", msPerFace, sink);
        }
    }

    private static float[] vector(Random random, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
