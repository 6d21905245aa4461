package org.lfr.deployment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Await;
import org.lfr.persistence.DatabaseNotifications;
import org.lfr.persistence.ReplicaBroadcast;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Status changes for this replica's subscribers (and its camera runtime), whichever replica committed them: each
 * commit notifies every replica (database {@code NOTIFY}), which reads the deployment and publishes it.
 */
@ApplicationScoped
public class DeploymentEvents {

    static final String KIND = "deployment";

    private final ReplicaBroadcast<DeploymentView> changes;

    DeploymentEvents(DatabaseNotifications notifications, DeploymentQueries queries) {
        this.changes = new ReplicaBroadcast<>(notifications, KIND, id -> Await.result(() -> queries.get(id)));
    }

    /** In the caller's transaction: every replica publishes the change once it is committed. */
    Uni<Void> announce(UUID deploymentId) {
        return changes.announce(deploymentId);
    }

    public Multi<DeploymentView> stream() {
        return changes.stream();
    }
}
