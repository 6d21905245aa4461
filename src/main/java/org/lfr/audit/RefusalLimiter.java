package org.lfr.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.common.Actor;
import org.lfr.common.Await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Refusals reach the audit trail without letting anyone fill it or hold the audit lock that alert commits need: the
 * first refusal of a caller, refused action and subject in a minute is recorded at once; the rest of that minute are
 * counted and recorded as one {@link AuditAction#ACCESS_REFUSED_REPEATED} row with their number when the minute is
 * over. Every refusal counts in the metric {@code lfr.access.refused}. Role refusals ({@code @RolesAllowed}), rule
 * and ownership refusals of the services ({@link AuditedChange}) and refused frame pushes all come through here.
 */
@ApplicationScoped
public class RefusalLimiter {

    private static final Logger LOG = Logger.getLogger(RefusalLimiter.class);
    static final Duration WINDOW = Duration.ofMinutes(1);
    /**
     * Callers × refusals tracked at once; beyond it (a flood from many identities) refusals are counted under one
     * "many callers" row, so that memory and audit rows stay bounded too.
     */
    static final int MAX_TRACKED = 1_000;
    private static final Key OVERFLOW = new Key("(many callers)", AuditAction.ACCESS_REFUSED, "(any operation)", null);

    /** {@code what}: the operation refused (role refusals) or the subject's id (the services' refusals). */
    record Key(String who, AuditAction action, String what, AuditSubject subject) {
    }

    /** One key's refusals since {@code from}; the first of them is already recorded. */
    private static final class Window {
        final Instant from;
        long repeated;
        Instant last;

        Window(Instant from) {
            this.from = from;
            this.last = from;
        }
    }

    private final AuditService audit;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    /** Counts of windows that are over, waiting to be written. */
    private final java.util.Queue<Over> overdue = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record Over(Key key, Window window) {
    }

    RefusalLimiter(AuditService audit, MeterRegistry registry, Clock clock) {
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * A refusal of {@code action} (a {@code *_REFUSED} action or {@code ACCESS_REFUSED}) to {@code actor} about
     * {@code subjectId}: recorded with {@code details} if it is the first of its minute, counted otherwise.
     * {@code operation} names what was refused for the metric and the count row.
     */
    public Uni<Void> refused(Actor actor, AuditAction action, AuditSubject subject, Object subjectId,
            String operation, boolean anonymous, Map<String, ?> details) {
        registry.counter("lfr.access.refused", "operation", operation, "anonymous", String.valueOf(anonymous))
                .increment();
        Instant now = clock.instant();
        Key key = new Key(actor.username(), action, subjectId == null ? operation : subjectId.toString(), subject);
        Key counted = windows.containsKey(key) || windows.size() < MAX_TRACKED ? key : OVERFLOW;
        boolean[] first = {false};
        windows.compute(counted, (k, w) -> {
            if (w == null || !w.from.isAfter(now.minus(WINDOW))) {
                if (w != null && w.repeated > 0) {
                    overdue.add(new Over(k, w)); // its minute is over: its count is written below
                }
                first[0] = true;
                return new Window(now);
            }
            w.repeated++;
            w.last = now;
            return w;
        });
        Uni<Void> earlier = writeOverdue();
        if (!first[0]) {
            return earlier;
        }
        return earlier.chain(() -> counted == OVERFLOW
                ? audit.recordAlone(new Actor(OVERFLOW.who(), Set.of()), OVERFLOW.action(), subject, subjectId,
                        Map.of("operation", OVERFLOW.what())).replaceWithVoid()
                : audit.recordAlone(actor, action, subject, subjectId, details).replaceWithVoid());
    }

    /** Each minute: the counts of windows that are over, one row each. */
    @Scheduled(identity = "refusal-audit-flush", every = "60s", delayed = "60s")
    public void flush() {
        flushOlderThan(clock.instant().minus(WINDOW));
    }

    void onStop(@Observes ShutdownEvent event) {
        flushOlderThan(Instant.MAX);
    }

    private void flushOlderThan(Instant cutoff) {
        for (Key key : Set.copyOf(windows.keySet())) {
            windows.computeIfPresent(key, (k, w) -> {
                if (w.from.isBefore(cutoff)) {
                    if (w.repeated > 0) {
                        overdue.add(new Over(k, w));
                    }
                    return null;
                }
                return w;
            });
        }
        try {
            Await.result(this::writeOverdue);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record counted refusals");
        }
    }

    /** Writes the counts waiting to be written, one after the other. */
    private Uni<Void> writeOverdue() {
        List<Over> due = new ArrayList<>();
        for (Over o = overdue.poll(); o != null; o = overdue.poll()) {
            due.add(o);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Over o : due) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("refused", o.key().action().name());
            details.put("operation", o.key().what());
            details.put("count", o.window().repeated);
            details.put("from", o.window().from.toString());
            details.put("to", o.window().last.toString());
            chain = chain.chain(() -> audit.recordAlone(new Actor(o.key().who(), Set.of()),
                    AuditAction.ACCESS_REFUSED_REPEATED, o.key().subject() == null ? AuditSubject.OPERATION
                            : o.key().subject(), o.key().subject() == null ? null : o.key().what(), details)
                    .replaceWithVoid());
        }
        return chain;
    }
}
