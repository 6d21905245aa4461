package org.lfr.signage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A sign telling the public that LFR is in use, placed at one camera. */
@Entity
@Table(name = "signage")
public class Signage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "camera_id")
    public UUID cameraId;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "sign_text_version")
    public String signTextVersion;
    @Column(name = "photo_reference")
    public String photoReference;
    @Column(name = "placed_by")
    public String placedBy;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "removed_by")
    public String removedBy;
    @Column(name = "removed_at")
    public Instant removedAt;
}
