package org.lfr.deployment;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Status changes, published after they are committed, for GraphQL subscribers. */
@ApplicationScoped
public class DeploymentEvents {

    private final BroadcastProcessor<DeploymentView> changes = BroadcastProcessor.create();

    public void publish(DeploymentView view) {
        changes.onNext(view);
    }

    public Multi<DeploymentView> stream() {
        return changes;
    }
}
