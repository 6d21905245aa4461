package org.lfr.deployment;

import java.util.UUID;

/** A camera as other features see it: a push camera posts its frames, any other is a stream the service pulls. */
public record CameraRef(UUID id, UUID deploymentId, String name, boolean pushMode) {
}
