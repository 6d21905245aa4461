package org.lfr.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.hibernate.reactive.panache.TransactionalUniAsserter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;

/** Real PostgreSQL + pgvector through Hibernate Reactive: no mocks, no Dev Services. */
@QuarkusTest
class EnrolmentEmbeddingRepositoryTest {

    /** The first embedder alone gives 512 dimensions; fused with the second (the default), 640. */
    static final int SINGLE = 512;
    static final int FUSED = 640;

    @Inject
    EnrolmentEmbeddingRepository repository;

    /** Embeddings belong to real watchlist entries (a foreign key says so); made off the event loop. */
    List<UUID> entries;

    @org.junit.jupiter.api.BeforeEach
    void entries() {
        var draft = org.lfr.support.Fixtures.draft(org.lfr.support.Fixtures.DRAFTER);
        entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(org.lfr.support.Fixtures.entry(org.lfr.support.Fixtures.DRAFTER, draft.id(), false).id());
        }
    }

    @Test
    @RunOnVertxContext
    void persistsA512dVectorAndReadsItBackExactly(TransactionalUniAsserter asserter) {
        persistsAndReadsBack(asserter, SINGLE);
    }

    @Test
    @RunOnVertxContext
    void persistsA640dVectorAndReadsItBackExactly(TransactionalUniAsserter asserter) {
        persistsAndReadsBack(asserter, FUSED);
    }

    private void persistsAndReadsBack(TransactionalUniAsserter asserter, int dimensions) {
        float[] vector = randomUnitVector(new Random(7), dimensions);
        String model = "test-" + UUID.randomUUID();
        EnrolmentEmbedding stored = EnrolmentEmbedding.of(entries.get(0), model, vector, java.time.Instant.now());
        asserter.execute(() -> repository.persist(stored));
        asserter.assertThat(() -> Panache.getSession().chain(s -> {
            s.clear();
            return repository.findById(stored.id);
        }), found -> {
            assertThat(found.embedding).hasSize(dimensions).containsExactly(vector);
            assertThat(found.model).isEqualTo(model);
        });
    }

    static float[] randomUnitVector(Random random, int dimensions) {
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
