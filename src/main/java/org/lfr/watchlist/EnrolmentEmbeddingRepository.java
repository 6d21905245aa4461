package org.lfr.watchlist;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.persistence.VectorText;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EnrolmentEmbeddingRepository implements PanacheRepositoryBase<EnrolmentEmbedding, UUID> {

    /** A stored embedding and its cosine similarity (1 - cosine distance) to a probe. */
    public record Neighbour(UUID id, UUID watchlistEntryId, double similarity) {
    }

    /**
     * The {@code limit} stored embeddings of {@code model} closest to {@code probe} by cosine distance
     * ({@code <=>}), nearest first, in one round trip. Written so that the HNSW index of the probe's size applies.
     */
    public Uni<List<Neighbour>> nearest(float[] probe, String model, int limit) {
        int n = probe.length; // an int: safe to put in the SQL text, as a type modifier must be a literal
        String sql = "select id, watchlist_entry_id, 1 - (embedding::vector(" + n + ") <=> cast(:probe as vector(" + n
                + "))) as similarity from enrolment_embedding where model = :model and vector_dims(embedding) = " + n
                + " order by embedding::vector(" + n + ") <=> cast(:probe as vector(" + n + ")) limit :limit";
        return getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("probe", VectorText.format(probe))
                .setParameter("model", model)
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Neighbour((UUID) row[0], (UUID) row[1], ((Number) row[2]).doubleValue()))
                        .toList());
    }
}
