package org.lfr.retention;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "purge_log")
public class PurgeLog extends PanacheEntityBase {

    @Id
    public UUID id;
    public String kind;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public int items;
    @Column(name = "purged_at")
    public Instant purgedAt;
    @Column(name = "triggered_by")
    public String triggeredBy;
}
