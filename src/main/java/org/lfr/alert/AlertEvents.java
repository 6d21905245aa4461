package org.lfr.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
 * New alerts, and officers' decisions on them, for this replica's subscribers, whichever replica committed them: each
 * commit notifies every replica (database {@code NOTIFY}), which reads the alert and publishes it once. After the
 * notification connection was lost, alerts recorded and decided meanwhile are caught up from the table.
 */
@ApplicationScoped
public class AlertEvents {

    private static final Logger LOG = Logger.getLogger(AlertEvents.class);
    static final String KIND = "alert";
    static final String DECIDED = "alert-decided";
    /** How far back a catch-up looks before the last alert heard (commits of other replicas may land out of order). */
    private static final java.time.Duration OVERLAP = java.time.Duration.ofMinutes(1);
    /** Alerts held for one slow subscriber; beyond it the subscription ends and the client catches up by cursor. */
    static final int SUBSCRIBER_BUFFER = 1000;

    private final Processor<AlertView, AlertView> alerts = BroadcastProcessor.<AlertView>create().serialized();
    private final Processor<AlertView, AlertView> decisions = BroadcastProcessor.<AlertView>create().serialized();
    private final DatabaseNotifications notifications;
    private final AlertQueries queries;
    /** Alerts already published here, most recent last: a notification and a catch-up may both bring one. */
    private final Set<UUID> published = recent();
    private volatile Instant heardUpTo = Instant.now();
    /** Decisions already published here: an alert is decided once, so its id says it. */
    private final Set<UUID> decided = recent();
    private volatile Instant decidedUpTo = Instant.now();

    AlertEvents(DatabaseNotifications notifications, AlertQueries queries) {
        this.notifications = notifications;
        this.queries = queries;
        notifications.listen(KIND, id -> Infrastructure.getDefaultWorkerPool().execute(() -> publish(id)));
        notifications.listen(DECIDED, id -> Infrastructure.getDefaultWorkerPool().execute(() -> publishDecision(id)));
        notifications.whenListening(() -> Infrastructure.getDefaultWorkerPool().execute(() -> {
            catchUp();
            catchUpDecisions();
        }));
    }

    /** The last 10,000 ids added, oldest forgotten first. */
    private static Set<UUID> recent() {
        return Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > 10_000;
            }
        });
    }

    /** In the caller's transaction: every replica publishes the alert once it is committed. */
    Uni<Void> announce(UUID alertId) {
        return notifications.notify(KIND, alertId);
    }

    /** In the caller's transaction: every replica tells its consoles of the decision once it is committed. */
    Uni<Void> announceDecision(UUID alertId) {
        return notifications.notify(DECIDED, alertId);
    }

    /** Decisions as they are committed, each with who decided, the decision, outcome and notes. */
    public Multi<AlertView> decisions() {
        return Multi.createFrom().publisher(decisions).onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    public Multi<AlertView> stream() {
        // The broadcast fails a subscriber that has no demand at the moment an alert comes (a WebSocket writing
        // slowly on a starved CPU), and that subscriber would hear nothing more: each gets a buffer of its own.
        return Multi.createFrom().publisher(alerts).onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    private void publish(UUID id) {
        try {
            Await.result(() -> queries.recorded(id)).ifPresent(this::publish);
        } catch (RuntimeException e) {
            LOG.warnf("alert %s could not be read for its subscribers (%s); a catch-up will bring it", id,
                    e.getClass().getSimpleName());
        }
    }

    private void catchUp() {
        try {
            Await.result(() -> queries.recordedSince(heardUpTo.minus(OVERLAP))).forEach(this::publish);
        } catch (RuntimeException e) {
            LOG.warnf("alerts could not be caught up after the notification connection returned (%s)",
                    e.getClass().getSimpleName());
        }
    }

    private void publish(AlertQueries.Recorded alert) {
        synchronized (published) {
            if (!published.add(alert.view().id())) {
                return;
            }
        }
        if (alert.recordedAt().isAfter(heardUpTo)) {
            heardUpTo = alert.recordedAt();
        }
        alerts.onNext(alert.view());
    }

    private void publishDecision(UUID id) {
        try {
            Await.result(() -> queries.recorded(id)).ifPresent(a -> publishDecision(a.view()));
        } catch (RuntimeException e) {
            LOG.warnf("decision on alert %s could not be read for its subscribers (%s); a catch-up will bring it", id,
                    e.getClass().getSimpleName());
        }
    }

    private void catchUpDecisions() {
        try {
            Await.result(() -> queries.decidedSince(decidedUpTo.minus(OVERLAP))).forEach(this::publishDecision);
        } catch (RuntimeException e) {
            LOG.warnf("decisions could not be caught up after the notification connection returned (%s)",
                    e.getClass().getSimpleName());
        }
    }

    private void publishDecision(AlertView alert) {
        if (alert.adjudication() == null) {
            return;
        }
        synchronized (decided) {
            if (!decided.add(alert.id())) {
                return;
            }
        }
        if (alert.adjudicatedAt().isAfter(decidedUpTo)) {
            decidedUpTo = alert.adjudicatedAt();
        }
        decisions.onNext(alert);
    }
}
