package org.lfr.recognition.pipeline.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lfr.recognition.pipeline.embed.FaceEmbedder;

/**
 * The index's fast float scan must never change the answer: its two nearest entries and their similarities are those
 * of a brute-force double computation, for probes near an enrolled face, far from all, and between near-twins.
 */
class InMemoryWatchlistIndexTest {

    private static final int DIMS = 640;

    @Test
    void theVectorApiScanRunsInTheTests() {
        // surefire starts the JVM as the service's launchers do (--add-modules jdk.incubator.vector): the fast scan
        // is the one tested below, beside the plain-Java one a native image or a plain JVM uses
        assertThat(InMemoryWatchlistIndex.VECTOR_API).isTrue();
    }

    @ParameterizedTest(name = "vector API: {0}")
    @ValueSource(booleans = {true, false})
    void theTwoNearestAreExactlyThoseOfABruteForceSearch(boolean vectorApi) {
        Random random = new Random(3);
        List<float[]> gallery = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            gallery.add(gaussian(random));
        }
        // near-twins: entries that differ by about as little as the float scan can tell apart
        for (int i = 0; i < 50; i++) {
            gallery.add(noisy(gallery.get(i), 0.001f, random));
        }
        List<UUID> ids = IntStream.range(0, gallery.size()).mapToObj(i -> UUID.randomUUID()).toList();
        InMemoryWatchlistIndex index = new InMemoryWatchlistIndex(ids, gallery, vectorApi);
        for (int probe = 0; probe < 300; probe++) {
            float[] p = switch (probe % 3) {
                case 0 -> gaussian(random);
                case 1 -> noisy(gallery.get(random.nextInt(gallery.size())), 0.3f, random);
                default -> noisy(gallery.get(random.nextInt(50)), 0.01f, random);
            };
            List<WatchlistMatch> expected = bruteForce(ids, gallery, p, 2);
            assertThat(index.nearest(p, 2)).as("probe %d", probe).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aSmallWatchlistGivesWhatItHas() {
        UUID only = UUID.randomUUID();
        float[] v = gaussian(new Random(1));
        InMemoryWatchlistIndex index = new InMemoryWatchlistIndex(List.of(only), List.of(v));
        assertThat(index.nearest(v, 2)).singleElement().satisfies(m -> {
            assertThat(m.watchlistEntryId()).isEqualTo(only);
            assertThat(m.similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(new InMemoryWatchlistIndex(List.of(), List.of()).nearest(v, 2)).isEmpty();
    }

    private static List<WatchlistMatch> bruteForce(List<UUID> ids, List<float[]> gallery, float[] probe, int k) {
        float[] p = FaceEmbedder.normalise(probe);
        List<WatchlistMatch> all = new ArrayList<>();
        for (int i = 0; i < gallery.size(); i++) {
            float[] g = FaceEmbedder.normalise(gallery.get(i));
            double dot = 0;
            for (int d = 0; d < DIMS; d++) {
                dot += (double) p[d] * g[d];
            }
            all.add(new WatchlistMatch(ids.get(i), dot));
        }
        all.sort(Comparator.comparingDouble(WatchlistMatch::similarity).reversed());
        return all.subList(0, k);
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] noisy(float[] v, float sigma, Random random) {
        float[] unit = FaceEmbedder.normalise(v);
        float[] out = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            out[i] = unit[i] + sigma * (float) random.nextGaussian() / (float) Math.sqrt(DIMS);
        }
        return out;
    }
}
