package org.lfr.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The last value read, kept for a short time: lists that anyone may ask for without signing in are read from the
 * database at most once per {@code ttl}, however many ask (a zero ttl reads every time). A failed read is not kept.
 */
public final class BriefCache<T> {

    private record Entry<T>(T value, Instant readAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final AtomicReference<Entry<T>> last = new AtomicReference<>();

    public BriefCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Uni<T> get(Supplier<Uni<T>> read) {
        Entry<T> e = last.get();
        if (e != null && clock.instant().isBefore(e.readAt().plus(ttl))) {
            return Uni.createFrom().item(e.value());
        }
        Instant readAt = clock.instant();
        return read.get().invoke(value -> last.set(new Entry<>(value, readAt)));
    }
}
