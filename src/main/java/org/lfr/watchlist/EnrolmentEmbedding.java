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

    /** The look-alike cohort it was scored against (V9); null when there was no usable one. */
    @Column(length = 200)
    public String cohort;
    @Column(name = "cohort_size")
    public Integer cohortSize;
    @Column(name = "cohort_floor")
    public Double cohortFloor;
    /** Cohort similarities at or above {@link #cohortFloor}, highest first, comma-separated. */
    @Column(name = "cohort_scores")
    public String cohortScores;

    /** Records the entry's look-alike scores beside its embedding. */
    public EnrolmentEmbedding withCohort(LookalikeCohort.Scores scores) {
        cohort = scores.cohort().length() > 200 ? scores.cohort().substring(0, 200) : scores.cohort();
        cohortSize = scores.size();
        cohortFloor = scores.floor();
        StringBuilder text = new StringBuilder();
        for (float s : scores.atOrAboveFloor()) {
            text.append(text.isEmpty() ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.5f", s));
        }
        cohortScores = text.toString();
        return this;
    }

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
