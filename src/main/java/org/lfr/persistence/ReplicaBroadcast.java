package org.lfr.persistence;

import java.util.UUID;
import java.util.concurrent.Flow.Processor;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Something that changed, published to this replica's subscribers whichever replica committed it: the change's
 * transaction sends a {@code NOTIFY} of {@code kind} and an id ({@link #announce}); every replica then reads the item by
 * its id (off the event loop) and publishes it. A subscriber without demand at that moment gets it buffered (up to
 * 1,000), not failed.
 */
public final class ReplicaBroadcast<T> {

    private static final Logger LOG = Logger.getLogger(ReplicaBroadcast.class);

    private final Processor<T, T> items = BroadcastProcessor.<T>create().serialized();
    private final DatabaseNotifications notifications;
    private final String kind;
    private final Function<UUID, T> read;

    /** {@code read} runs on a worker thread and may block; an item it cannot read is logged and skipped. */
    public ReplicaBroadcast(DatabaseNotifications notifications, String kind, Function<UUID, T> read) {
        this.notifications = notifications;
        this.kind = kind;
        this.read = read;
        notifications.listen(kind, id -> Infrastructure.getDefaultWorkerPool().execute(() -> publish(id)));
    }

    /** In the caller's transaction: every replica publishes the item once it is committed. */
    public Uni<Void> announce(UUID id) {
        return notifications.notify(kind, id);
    }

    public Multi<T> stream() {
        return Multi.createFrom().publisher(items).onOverflow().buffer(1000);
    }

    private void publish(UUID id) {
        try {
            items.onNext(read.apply(id));
        } catch (RuntimeException e) {
            LOG.warnf("%s %s could not be read for its subscribers (%s)", kind, id, e.getClass().getSimpleName());
        }
    }
}
