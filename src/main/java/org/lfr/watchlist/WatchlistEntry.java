package org.lfr.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "watchlist_entry")
public class WatchlistEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "subject_reference")
    public String subjectReference;
    @Enumerated(EnumType.STRING)
    public WatchlistCategory category;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "image_source")
    public String imageSource;
    @Column(name = "image_date")
    public LocalDate imageDate;
    public String justification;
    @Column(name = "subject_under_18")
    public boolean subjectUnder18;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "override_by")
    public String overrideBy;
    @Column(name = "override_at")
    public Instant overrideAt;
    @Column(name = "added_by")
    public String addedBy;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "image_purged_at")
    public Instant imagePurgedAt;

    public boolean needsOverride(LocalDate today, int maxImageAgeDays) {
        return subjectUnder18 || imageDate.isBefore(today.minusDays(maxImageAgeDays));
    }

    public boolean hasOverride() {
        return overrideReason != null;
    }
}
