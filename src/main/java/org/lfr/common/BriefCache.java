package org.lfr.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The last value read, kept for a short time: lists that anyone may ask for without signing in are read from the
 * database at most once per {@code ttl}, however many ask — and those who ask while a read is under way share that
 * read instead of starting their own (a zero ttl reads every time). A failed read is not kept: the next asker reads.
 */
public final class BriefCache<T> {

    /** A read started at {@code startedAt}; its result is shared until {@code startedAt + ttl}. */
    private record Entry<T>(Uni<T> read, Instant startedAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final AtomicReference<Entry<T>> last = new AtomicReference<>();

    public BriefCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Uni<T> get(Supplier<Uni<T>> read) {
        if (ttl.isZero()) {
            return read.get();
        }
        Instant now = clock.instant();
        Entry<T> current = last.updateAndGet(e -> e != null && now.isBefore(e.startedAt().plus(ttl)) ? e
                : new Entry<>(Uni.createFrom().<T>deferred(read::get).memoize().indefinitely(), now));
        return current.read().onFailure().invoke(failed -> last.compareAndSet(current, null));
    }
}
