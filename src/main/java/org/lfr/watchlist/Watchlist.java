package org.lfr.watchlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The bespoke watchlist of one deployment: approved by a supervisor, frozen at authorisation, purged at the end. */
@Entity
@Table(name = "watchlist")
public class Watchlist extends PanacheEntityBase {

    @Id
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "frozen_at")
    public Instant frozenAt;
    @Column(name = "purged_at")
    public Instant purgedAt;

    public boolean isFrozen() {
        return frozenAt != null;
    }

    public boolean isApproved() {
        return approvedAt != null;
    }
}
