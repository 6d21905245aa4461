package org.lfr.audit;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.common.Actor;
import org.lfr.common.Await;
import org.lfr.common.Now;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The service's own life in the audit trail: each replica's start and stop, and database outages as a replica saw
 * them (recorded once the database is back, since nothing can be written while it is away).
 */
@ApplicationScoped
public class ServiceEvents {

    private static final Logger LOG = Logger.getLogger(ServiceEvents.class);

    private final AuditService audit;
    private final Now now;
    private final String replica = replicaName();

    ServiceEvents(AuditService audit, Now now) {
        this.audit = audit;
        this.now = now;
    }

    /** After the start-up checks and migrations (priority 1), before the features start working. */
    void onStart(@Observes @jakarta.annotation.Priority(20) StartupEvent event) {
        record(AuditAction.SERVICE_STARTED, Map.of("replica", replica));
    }

    /** Late, so that what stopped before (cameras, held alerts) can be reported in {@code details}. */
    void onStop(@Observes @jakarta.annotation.Priority(900) ShutdownEvent event) {
        record(AuditAction.SERVICE_STOPPED, Map.of("replica", replica));
    }

    /** A database outage this replica saw, from its first failure to its first success after. */
    public void outage(Instant from, Instant to, String seenBy) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("replica", replica);
        details.put("from", from.toString());
        details.put("to", to.toString());
        details.put("seenBy", seenBy);
        record(AuditAction.DATABASE_OUTAGE, details);
    }

    public Instant now() {
        return now.instant();
    }

    public String replica() {
        return replica;
    }

    private void record(AuditAction action, Map<String, ?> details) {
        try {
            Await.result(() -> audit.recordAlone(Actor.SYSTEM, action, AuditSubject.SERVICE, null, details));
        } catch (RuntimeException e) {
            LOG.errorf("could not audit %s (%s)", action, e.getMessage());
        }
    }

    private static String replicaName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
