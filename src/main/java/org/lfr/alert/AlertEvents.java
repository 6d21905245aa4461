package org.lfr.alert;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** New alerts, published after they are committed, for GraphQL subscribers. */
@ApplicationScoped
public class AlertEvents {

    private final BroadcastProcessor<AlertView> alerts = BroadcastProcessor.create();

    void publish(AlertView alert) {
        alerts.onNext(alert);
    }

    public Multi<AlertView> stream() {
        return alerts;
    }
}
