package org.lfr.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "camera_id")
    public UUID cameraId;
    @Column(name = "watchlist_entry_id")
    public UUID watchlistEntryId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public double similarity;
    @Enumerated(EnumType.STRING)
    public Adjudication adjudication;
    @Column(name = "adjudicated_by")
    public String adjudicatedBy;
    @Column(name = "adjudicated_at")
    public Instant adjudicatedAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "outcome_notes")
    public String outcomeNotes;
    @Column(name = "legal_hold_reason")
    public String legalHoldReason;
    @Column(name = "legal_hold_by")
    public String legalHoldBy;
    @Column(name = "legal_hold_at")
    public Instant legalHoldAt;
    @Version
    public int version;
    /** Commit order on this database: the cursor clients catch up from. Assigned by the database, read back. */
    @org.hibernate.annotations.Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    /** The sighting (camera run, track, entry) it was raised for: one alert, however often a commit is retried. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** When it was committed; {@link #occurredAt} is when its frame was seen. */
    @Column(name = "recorded_at")
    public java.time.Instant recordedAt;
}
