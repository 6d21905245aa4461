package org.lfr.alert;

import java.util.concurrent.Flow.Processor;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** New alerts, published after they are committed, for GraphQL subscribers (serialised: publishers run on many threads). */
@ApplicationScoped
public class AlertEvents {

    private final Processor<AlertView, AlertView> alerts = BroadcastProcessor.<AlertView>create().serialized();

    void publish(AlertView alert) {
        alerts.onNext(alert);
    }

    public Multi<AlertView> stream() {
        return Multi.createFrom().publisher(alerts);
    }
}
