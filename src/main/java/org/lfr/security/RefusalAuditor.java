package org.lfr.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;
import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.Await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.MethodDescription;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Puts role refusals (anonymous or wrong role, raised by {@code @RolesAllowed}/{@code @Authenticated}) in the audit
 * trail — who tried what — without letting a script fill the append-only trail or hold the audit lock that alert
 * commits need: the first refusal of a caller and operation in a minute is audited at once, the rest of that
 * minute are counted and audited as one {@code ACCESS_REFUSED_REPEATED} row with their number when the minute is
 * over. Every refusal counts in the metric {@code lfr.access.refused}. Asynchronous, so a refusal is never slowed or
 * changed by auditing it.
 */
@ApplicationScoped
public class RefusalAuditor {

    private static final Logger LOG = Logger.getLogger(RefusalAuditor.class);
    static final Duration WINDOW = Duration.ofMinutes(1);
    /**
     * Callers × operations tracked at once; beyond it (a flood from many identities) refusals are counted under one
     * "many callers" row, so that memory and audit rows stay bounded too.
     */
    static final int MAX_TRACKED = 1_000;
    private static final Key OVERFLOW = new Key("(many callers)", "(any operation)", "various");

    record Key(String who, String operation, String refusal) {
    }

    /** One caller's refusals of one operation since {@code from}; the first of them is already audited. */
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

    RefusalAuditor(AuditService audit, MeterRegistry registry, Clock clock) {
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
    }

    void onRefusal(@ObservesAsync AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        boolean anonymous = identity == null || identity.isAnonymous();
        String who = anonymous ? "anonymous" : identity.getPrincipal().getName();
        String operation = "unknown";
        Object method = event.getEventProperties().get(AuthorizationFailureEvent.SECURED_METHOD_KEY);
        if (method instanceof MethodDescription m) {
            operation = m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName();
        } else if (method instanceof String name) { // GraphQL's: "org.lfr.api.graphql.OversightApi#auditTrail"
            operation = name.substring(name.lastIndexOf('.') + 1).replace('#', '.');
        }
        Throwable failure = event.getAuthorizationFailure();
        String refusal = failure == null ? "unknown" : failure.getClass().getSimpleName();
        registry.counter("lfr.access.refused", "operation", operation, "anonymous", String.valueOf(anonymous))
                .increment();
        refused(new Key(who, operation, refusal));
    }

    /** Audits the first refusal of a window; counts the others. */
    void refused(Key key) {
        Instant now = clock.instant();
        flushOlderThan(now.minus(WINDOW));
        Key counted = windows.containsKey(key) || windows.size() < MAX_TRACKED ? key : OVERFLOW;
        boolean[] first = {false};
        windows.compute(counted, (k, w) -> {
            if (w == null) {
                first[0] = true;
                return new Window(now);
            }
            w.repeated++;
            w.last = now;
            return w;
        });
        if (first[0]) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("operation", counted.operation());
            details.put("refusal", counted.refusal());
            write(counted.who(), AuditAction.ACCESS_REFUSED, details);
        }
    }

    /** Each minute: the repeated refusals of windows that are over, one row each. */
    @Scheduled(identity = "refusal-audit-flush", every = "60s", delayed = "60s")
    void flush() {
        flushOlderThan(clock.instant().minus(WINDOW));
    }

    void onStop(@Observes ShutdownEvent event) {
        flushOlderThan(Instant.MAX);
    }

    private void flushOlderThan(Instant cutoff) {
        for (Key key : Set.copyOf(windows.keySet())) {
            Window[] over = {null};
            windows.computeIfPresent(key, (k, w) -> {
                if (w.from.isBefore(cutoff)) {
                    over[0] = w;
                    return null;
                }
                return w;
            });
            if (over[0] != null && over[0].repeated > 0) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("operation", key.operation());
                details.put("refusal", key.refusal());
                details.put("count", over[0].repeated);
                details.put("from", over[0].from.toString());
                details.put("to", over[0].last.toString());
                write(key.who(), AuditAction.ACCESS_REFUSED_REPEATED, details);
            }
        }
    }

    private void write(String who, AuditAction action, Map<String, Object> details) {
        try {
            Await.result(() -> audit.recordAlone(new Actor(who, Set.of()), action, AuditSubject.OPERATION, null,
                    details));
        } catch (Throwable e) {
            LOG.errorf(e, "could not audit refused access by %s", who);
        }
    }
}
