package org.lfr.signage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "leaflet_distribution")
public class LeafletDistribution extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public int count;
    @Column(name = "handed_out_by")
    public String handedOutBy;
    @Column(name = "handed_out_at")
    public Instant handedOutAt;
}
