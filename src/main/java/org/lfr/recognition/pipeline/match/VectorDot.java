package org.lfr.recognition.pipeline.match;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products with the CPU's vector instructions (the Vector API, incubating in Java 17): the JIT does not vectorise
 * a float dot product by itself, and this is what keeps matching 10,000 enrolled people near 1 ms per face
 * (docs/PERFORMANCE.md). Loaded only when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * ({@link InMemoryWatchlistIndex} falls back to plain Java otherwise, e.g. in a native image).
 */
final class VectorDot {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorDot() {
    }

    static float dot(float[] p, float[] m, int offset, int dims) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(dims); i < bound; i += SPECIES.length()) {
            sum = FloatVector.fromArray(SPECIES, p, i).fma(FloatVector.fromArray(SPECIES, m, offset + i), sum);
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        for (; i < dims; i++) {
            s += p[i] * m[offset + i];
        }
        return s;
    }
}
