package org.lfr.deployment;

import java.util.List;
import java.util.UUID;

/** What the recognition runtime needs of an ACTIVE deployment: its threshold and its cameras. */
public record RunningDeployment(UUID id, String reference, double matchThreshold, List<Camera> cameras) {

    static RunningDeployment of(DeploymentView d) {
        return new RunningDeployment(d.id(), d.reference(), d.matchThreshold(), d.cameras().stream()
                .map(c -> new Camera(c.id(), c.name(), c.streamUrl(), c.pushMode())).toList());
    }

    /** The running form of a deployment whose status changed, if that change left it ACTIVE. */
    public static java.util.Optional<RunningDeployment> ifActive(DeploymentView d) {
        return d.status() == DeploymentStatus.ACTIVE ? java.util.Optional.of(of(d)) : java.util.Optional.empty();
    }

    /** {@code streamUrl} is null for a push camera. */
    public record Camera(UUID id, String name, String streamUrl, boolean pushMode) {
    }
}
