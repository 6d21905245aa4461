package org.lfr.watchlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The enrolment image of a watchlist entry: biometric; read only by officers and supervisors, audited, purged. */
@Entity
@Table(name = "enrolment_image")
public class EnrolmentImage extends PanacheEntityBase {

    @Id
    @Column(name = "watchlist_entry_id")
    public UUID watchlistEntryId;
    public byte[] content;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
