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
    /** The URL the service pulls from, without credentials; null when the camera pushes frames. */
    @Column(name = "stream_url")
    public String streamUrl;
    /** {@code user:password} of the stream, kept apart from the URL: never shown, never logged. */
    @Column(name = "stream_credentials")
    public String streamCredentials;
    /** Query parameters that carry credentials ({@code password=…&token=…}): kept apart like user-info ones. */
    @Column(name = "stream_query_secrets")
    public String streamQuerySecrets;
    /** Push cameras: the device client (OIDC service account) allowed to push. */
    @Column(name = "device_client_id")
    public String deviceClientId;
    @Column(name = "push_mode")
    public boolean pushMode;
    @Column(name = "position_description")
    public String positionDescription;
}
