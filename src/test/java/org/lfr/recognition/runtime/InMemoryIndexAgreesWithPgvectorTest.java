package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.recognition.pipeline.match.InMemoryWatchlistIndex;
import org.lfr.recognition.pipeline.match.WatchlistMatch;
import org.lfr.watchlist.WatchlistEmbeddings;
import org.lfr.support.Fixtures;
import org.lfr.watchlist.EnrolmentEmbedding;
import org.lfr.watchlist.EnrolmentEmbeddingRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;

/** The in-memory index the camera workers use must give exactly pgvector's exact top-1, probe for probe. */
@QuarkusTest
class InMemoryIndexAgreesWithPgvectorTest {

    @Inject
    WatchlistEmbeddings matcher;
    @Inject
    EnrolmentEmbeddingRepository embeddings;

    @Test
    void sameTwoNearestAndSimilaritiesAsPgvectorExactSearch() {
        var d = Fixtures.draft(DRAFTER);
        Random random = new Random(11);
        List<float[]> gallery = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID entry = Fixtures.entry(DRAFTER, d.id(), false).id();
            float[] v = gaussian(random);
            gallery.add(v);
            await(() -> Panache.withTransaction(() -> embeddings.persist(EnrolmentEmbedding.of(entry, "agree-test", v, java.time.Instant.now()))));
        }
        List<float[]> probes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            float[] p = i % 2 == 0 ? gaussian(random) : gallery.get(i % gallery.size()).clone();
            if (i % 2 == 1) {
                for (int j = 0; j < p.length; j++) {
                    p[j] += 0.3f * (float) random.nextGaussian();
                }
            }
            probes.add(p);
        }
        InMemoryWatchlistIndex index = index(d.id(), "agree-test");
        assertThat(index.size()).isEqualTo(40);
        List<List<WatchlistEmbeddings.Nearest>> fromPostgres = await(() -> matcher.nearest(d.id(), "agree-test", probes,
                2));
        for (int i = 0; i < probes.size(); i++) {
            List<WatchlistMatch> actual = index.nearest(probes.get(i), 2);
            assertThat(actual).as("probe " + i).hasSize(2);
            assertThat(fromPostgres.get(i)).as("probe " + i).hasSize(2);
            for (int rank = 0; rank < 2; rank++) {
                WatchlistEmbeddings.Nearest expected = fromPostgres.get(i).get(rank);
                assertThat(actual.get(rank).watchlistEntryId()).as("probe %d, rank %d", i, rank)
                        .isEqualTo(expected.entryId());
                assertThat(actual.get(rank).similarity()).as("probe %d, rank %d", i, rank)
                        .isCloseTo(expected.similarity(), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        assertThat(index(d.id(), "another-model").size()).isZero();
    }

    /** The index exactly as the camera runtime builds it from the stored embeddings. */
    private InMemoryWatchlistIndex index(UUID deploymentId, String model) {
        var enrolled = await(() -> matcher.ofDeployment(deploymentId, model));
        return new InMemoryWatchlistIndex(enrolled.stream().map(WatchlistEmbeddings.Enrolled::entryId).toList(),
                enrolled.stream().map(WatchlistEmbeddings.Enrolled::embedding).toList());
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[640];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
