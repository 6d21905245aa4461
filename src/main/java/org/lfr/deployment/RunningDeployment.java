package org.lfr.deployment;

import java.util.List;
import java.util.UUID;

/**
 * What the recognition runtime needs of an ACTIVE deployment: its threshold, its operators and its cameras (with the
 * stream credentials the runtime alone may use).
 */
public record RunningDeployment(UUID id, String reference, double matchThreshold, Operators operators,
        List<Camera> cameras) {

    static RunningDeployment of(Deployment d, List<org.lfr.deployment.Camera> cameras) {
        return new RunningDeployment(d.id, d.reference, d.matchThreshold, new Operators(d.operators), cameras.stream()
                .map(c -> new Camera(c.id, c.name, c.streamUrl == null ? null
                        : new CameraUrlPolicy.StreamTarget(c.streamUrl, c.streamCredentials, c.streamQuerySecrets),
                        c.pushMode, c.deviceClientId)).toList());
    }

    /** Who operates it (may push frames to its cameras with their own token): the assigned officers. */
    public boolean isOperatedBy(String username) {
        return operators.include(username);
    }

    /** {@code stream} is null for a push camera; {@code deviceClientId} the device allowed to push, if any. */
    public record Camera(UUID id, String name, CameraUrlPolicy.StreamTarget stream, boolean pushMode,
            String deviceClientId) {
    }
}
