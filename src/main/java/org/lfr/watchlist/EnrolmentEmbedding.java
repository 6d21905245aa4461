package org.lfr.watchlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcType;
import org.lfr.persistence.PgVectorJdbcType;

/**
 * The face embedding of one watchlist entry's enrolment image. It is biometric data of a person on a bespoke
 * watchlist and is purged when the deployment closes.
 */
@Entity
@Table(name = "enrolment_embedding")
public class EnrolmentEmbedding {

    /** pgvector's HNSW limit; the configured models produce 512 (one embedder) or 640 (two fused). */
    public static final int MAX_DIMENSIONS = 2000;

    @Id
    public UUID id;

    @Column(name = "watchlist_entry_id")
    public UUID watchlistEntryId;

    /** Which embedding model produced the vector; vectors of different models are never compared. */
    @Column(nullable = false, length = 200)
    public String model;

    @JdbcType(PgVectorJdbcType.class)
    @Column(nullable = false, columnDefinition = "vector")
    public float[] embedding;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static EnrolmentEmbedding of(UUID watchlistEntryId, String model, float[] embedding, Instant createdAt) {
        if (embedding == null || embedding.length == 0 || embedding.length > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("an enrolment embedding has 1 to " + MAX_DIMENSIONS + " dimensions, got "
                    + (embedding == null ? "none" : embedding.length));
        }
        EnrolmentEmbedding e = new EnrolmentEmbedding();
        e.id = UUID.randomUUID();
        e.watchlistEntryId = watchlistEntryId;
        e.model = model;
        e.embedding = embedding.clone();
        e.createdAt = createdAt;
        return e;
    }
}
