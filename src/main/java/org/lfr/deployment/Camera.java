package org.lfr.deployment;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "camera")
public class Camera extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String name;
    /** RTSP/HTTP/file URL the service pulls from; null when the camera pushes frames. */
    @Column(name = "stream_url")
    public String streamUrl;
    @Column(name = "push_mode")
    public boolean pushMode;
    @Column(name = "position_description")
    public String positionDescription;
}
