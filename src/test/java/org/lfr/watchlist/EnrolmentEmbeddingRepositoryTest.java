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

    @Test
    @RunOnVertxContext
    void findsTheNearest512dNeighbourByCosineDistance(TransactionalUniAsserter asserter) {
        findsTheNearest(asserter, SINGLE);
    }

    @Test
    @RunOnVertxContext
    void findsTheNearest640dNeighbourByCosineDistance(TransactionalUniAsserter asserter) {
        findsTheNearest(asserter, FUSED);
    }

    @Test
    @RunOnVertxContext
    void the512dCosineSearchCanUseItsHnswIndex(TransactionalUniAsserter asserter) {
        searchUsesTheHnswIndex(asserter, SINGLE);
    }

    @Test
    @RunOnVertxContext
    void the640dCosineSearchCanUseItsHnswIndex(TransactionalUniAsserter asserter) {
        searchUsesTheHnswIndex(asserter, FUSED);
    }

    private void persistsAndReadsBack(TransactionalUniAsserter asserter, int dimensions) {
        float[] vector = randomUnitVector(new Random(7), dimensions);
        String model = "test-" + UUID.randomUUID();
        EnrolmentEmbedding stored = EnrolmentEmbedding.of(entries.get(0), model, vector);
        asserter.execute(() -> repository.persist(stored));
        asserter.assertThat(() -> Panache.getSession().chain(s -> {
            s.clear();
            return repository.findById(stored.id);
        }), found -> {
            assertThat(found.embedding).hasSize(dimensions).containsExactly(vector);
            assertThat(found.model).isEqualTo(model);
        });
    }

    private void findsTheNearest(TransactionalUniAsserter asserter, int dimensions) {
        Random random = new Random(42);
        String model = "test-" + UUID.randomUUID();
        List<EnrolmentEmbedding> gallery = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            gallery.add(EnrolmentEmbedding.of(entries.get(i % 3), model, randomUnitVector(random, dimensions)));
        }
        EnrolmentEmbedding target = gallery.get(123);
        // The probe is the target seen again with noise, and scaled: cosine must ignore the length.
        float[] probe = target.embedding.clone();
        for (int i = 0; i < probe.length; i++) {
            probe[i] = 3f * (probe[i] + 0.02f * (float) random.nextGaussian());
        }
        asserter.execute(() -> repository.persist(gallery.stream()));
        asserter.assertThat(() -> repository.nearest(probe, model, 3), neighbours -> {
            assertThat(neighbours).hasSize(3);
            assertThat(neighbours.get(0).id()).isEqualTo(target.id);
            assertThat(neighbours.get(0).watchlistEntryId()).isEqualTo(target.watchlistEntryId);
            assertThat(neighbours.get(0).similarity()).isGreaterThan(0.9);
            assertThat(neighbours.get(1).similarity()).isLessThan(0.3);
        });
    }

    private void searchUsesTheHnswIndex(TransactionalUniAsserter asserter, int n) {
        String index = "enrolment_embedding_hnsw_" + n;
        String probe = org.lfr.persistence.VectorText.format(randomUnitVector(new Random(1), n));
        asserter.assertThat(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select count(*) from pg_indexes where indexname = '" + index + "'"
                        + " and indexdef like '%hnsw%vector_cosine_ops%'", Long.class)
                .getSingleResult()
                .invoke(count -> assertThat(count).as(index).isEqualTo(1L))
                .call(() -> s.createNativeQuery("set local enable_seqscan = off").executeUpdate())
                .chain(() -> s.createNativeQuery("explain select id from enrolment_embedding"
                        + " where vector_dims(embedding) = " + n
                        + " order by embedding::vector(" + n + ") <=> cast(:p as vector(" + n + ")) limit 5",
                        String.class)
                        .setParameter("p", probe).getResultList())),
                plan -> assertThat(String.join("\n", plan)).contains("Index Scan using " + index));
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
