package org.lfr.deployment;

import java.util.UUID;
import java.util.concurrent.Flow.Processor;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.common.Await;
import org.lfr.persistence.DatabaseNotifications;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Status changes for this replica's subscribers (and its camera runtime), whichever replica committed them: each
 * commit notifies every replica (database {@code NOTIFY}), which reads the deployment and publishes it.
 */
@ApplicationScoped
public class DeploymentEvents {

    private static final Logger LOG = Logger.getLogger(DeploymentEvents.class);
    static final String KIND = "deployment";

    private final Processor<DeploymentView, DeploymentView> changes = BroadcastProcessor.<DeploymentView>create()
            .serialized();
    private final DatabaseNotifications notifications;
    private final DeploymentQueries queries;

    DeploymentEvents(DatabaseNotifications notifications, DeploymentQueries queries) {
        this.notifications = notifications;
        this.queries = queries;
        notifications.listen(KIND, id -> Infrastructure.getDefaultWorkerPool().execute(() -> publish(id)));
    }

    /** In the caller's transaction: every replica publishes the change once it is committed. */
    Uni<Void> announce(UUID deploymentId) {
        return notifications.notify(KIND, deploymentId);
    }

    public Multi<DeploymentView> stream() {
        // a subscriber without demand at the moment of a change would be failed by the broadcast: buffer per subscriber
        return Multi.createFrom().publisher(changes).onOverflow().buffer(1000);
    }

    private void publish(UUID id) {
        try {
            changes.onNext(Await.result(() -> queries.get(id)));
        } catch (RuntimeException e) {
            LOG.warnf("deployment %s could not be read for its subscribers (%s)", id, e.getClass().getSimpleName());
        }
    }
}
