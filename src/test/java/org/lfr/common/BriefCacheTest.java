package org.lfr.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The public lists' cache: one read per period however many ask, a fresh read after it, failures not kept. */
class BriefCacheTest {

    static final class MovableClock extends java.time.Clock {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void readsOncePerPeriod() {
        MovableClock clock = new MovableClock();
        BriefCache<Integer> cache = new BriefCache<>(Duration.ofSeconds(10), clock);
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get(() -> Uni.createFrom().item(reads.incrementAndGet())).await().indefinitely()).isEqualTo(1);
        }
        clock.now = clock.now.plusSeconds(9);
        assertThat(cache.get(() -> Uni.createFrom().item(reads.incrementAndGet())).await().indefinitely()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.get(() -> Uni.createFrom().item(reads.incrementAndGet())).await().indefinitely()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void askersDuringAReadShareIt() {
        MovableClock clock = new MovableClock();
        BriefCache<Integer> cache = new BriefCache<>(Duration.ofSeconds(10), clock);
        AtomicInteger reads = new AtomicInteger();
        io.smallrye.mutiny.subscription.UniEmitter<? super Integer>[] pending = new io.smallrye.mutiny.subscription.UniEmitter[1];
        java.util.function.Supplier<Uni<Integer>> slowRead = () -> Uni.createFrom().emitter(e -> {
            reads.incrementAndGet();
            pending[0] = e;
        });
        java.util.List<Integer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            cache.get(slowRead).subscribe().with(answers::add);
        }
        assertThat(reads).as("one read for fifty askers").hasValue(1);
        pending[0].complete(7);
        assertThat(answers).hasSize(50).containsOnly(7);
    }

    @Test
    void aFailedReadIsNotKeptAndAZeroPeriodReadsEveryTime() {
        MovableClock clock = new MovableClock();
        BriefCache<Integer> kept = new BriefCache<>(Duration.ofSeconds(10), clock);
        assertThatThrownBy(() -> kept.get(() -> Uni.createFrom().failure(new IllegalStateException("down")))
                .await().indefinitely()).hasMessage("down");
        assertThat(kept.get(() -> Uni.createFrom().item(3)).await().indefinitely()).as("after a failure").isEqualTo(3);
        BriefCache<Integer> cache = new BriefCache<>(Duration.ZERO, clock);
        AtomicInteger reads = new AtomicInteger();
        cache.get(() -> Uni.createFrom().item(reads.incrementAndGet())).await().indefinitely();
        cache.get(() -> Uni.createFrom().item(reads.incrementAndGet())).await().indefinitely();
        assertThat(reads).hasValue(2);
    }
}
