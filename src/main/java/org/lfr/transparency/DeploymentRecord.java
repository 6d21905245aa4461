package org.lfr.transparency;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The published account of one deployment: numbers only, no biometric or operational detail. */
@Entity
@Table(name = "deployment_record")
public class DeploymentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "generated_at")
    public Instant generatedAt;
    /** JSON of {@link DeploymentRecordView}'s figures, fixed at generation. */
    @Column(columnDefinition = "text")
    public String content;
    /** The publisher's username: staff records and the audit only, never in the published record. */
    @Column(name = "published_by")
    public String publishedBy;
    /** The publisher's role as the force labels it: what the record says. */
    @Column(name = "published_by_role")
    public String publishedByRole;
    @Column(name = "published_at")
    public Instant publishedAt;
}
