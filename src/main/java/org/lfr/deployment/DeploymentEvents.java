package org.lfr.deployment;

import java.util.concurrent.Flow.Processor;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Status changes, published after they are committed, for GraphQL subscribers (serialised: publishers run on many threads). */
@ApplicationScoped
public class DeploymentEvents {

    private final Processor<DeploymentView, DeploymentView> changes = BroadcastProcessor.<DeploymentView>create().serialized();

    public void publish(DeploymentView view) {
        changes.onNext(view);
    }

    public Multi<DeploymentView> stream() {
        return Multi.createFrom().publisher(changes);
    }
}
