package org.lfr.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Events between replicas through the database they share: PostgreSQL {@code NOTIFY} inside the transaction of the
 * change (delivered to every listening replica when, and only if, it commits), {@code LISTEN} on a connection of
 * its own that reconnects after an outage. Payloads carry a kind and an id only; listeners read the row.
 */
@ApplicationScoped
public class DatabaseNotifications {

    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class);
    static final String CHANNEL = "lfr_events";

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Map<String, List<Consumer<UUID>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> onListening = new CopyOnWriteArrayList<>();
    private volatile PgSubscriber subscriber;

    DatabaseNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(user)
                .setPassword(password);
    }

    /** In the caller's transaction: every replica hears of {@code kind} {@code id} once it commits. */
    public Uni<Void> notify(String kind, UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select cast(pg_notify(:channel, :payload) as text)")
                .setParameter("channel", CHANNEL).setParameter("payload", kind + ":" + id).getSingleResult())
                .replaceWithVoid();
    }

    /** Calls {@code handler} (on an event-loop thread: hand blocking work on) for every committed {@code kind}. */
    public void listen(String kind, Consumer<UUID> handler) {
        handlers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Called each time listening (re)starts: after an outage, notifications sent meanwhile were not heard. */
    public void whenListening(Runnable catchUp) {
        onListening.add(catchUp);
    }

    /** Before the other start-up observers (they register handlers on construction). */
    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        PgSubscriber s = PgSubscriber.subscriber(vertx, options);
        s.reconnectPolicy(retries -> 1000L); // forever, every second: an outage ends when the database returns
        s.channel(CHANNEL)
                .subscribeHandler(v -> {
                    LOG.debug("listening for database notifications");
                    onListening.forEach(Runnable::run);
                })
                .handler(this::dispatch);
        s.closeHandler(v -> LOG.debug("database notifications: connection closed"));
        s.connect().onFailure(e -> LOG.warnf("database notifications: cannot listen yet (%s); retrying",
                e.getMessage()));
        subscriber = s;
    }

    private void dispatch(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        try {
            UUID id = UUID.fromString(payload.substring(colon + 1));
            handlers.getOrDefault(payload.substring(0, colon), List.of()).forEach(h -> h.accept(id));
        } catch (IllegalArgumentException e) {
            LOG.warnf("database notifications: ignored a malformed payload");
        }
    }

    /** Before Vert.x itself stops, so the subscriber does not try to reconnect on a closing event loop. */
    void onStop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        PgSubscriber s = subscriber;
        subscriber = null;
        if (s != null) {
            s.reconnectPolicy(retries -> -1L);
            s.close();
        }
    }
}
