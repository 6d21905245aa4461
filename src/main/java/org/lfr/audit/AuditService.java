package org.lfr.audit;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Actor;
import org.lfr.common.Now;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends events to the hash chain. Call inside the transaction of the change it records, so the event exists
 * exactly when the change does. A transaction-scoped advisory lock serialises appenders so that every event links
 * to the one committed before it.
 */
@ApplicationScoped
public class AuditService {

    /** Arbitrary, fixed key of the advisory lock that orders audit appends. */
    private static final long CHAIN_LOCK = 0x4c46525f41554449L;

    private final Now now;
    private final ObjectMapper json;

    public AuditService(Now now, ObjectMapper json) {
        this.now = now;
        this.json = json;
    }

    /** Appends an event in the caller's transaction. */
    public Uni<AuditEvent> record(Actor actor, AuditAction action, AuditSubject subject, Object subjectId,
            Map<String, ?> details) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        // Microseconds, as PostgreSQL keeps them: hash what will be stored, or verification would fail on re-read.
        event.occurredAt = now.instant();
        event.actor = actor.username();
        event.action = action.name();
        event.subjectType = subject.stored();
        event.subjectId = subjectId == null ? null : subjectId.toString();
        event.details = canonicalJson(details);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")")
                        .getSingleResult())
                .chain(() -> AuditEvent.find("order by seq desc").<AuditEvent>firstResult())
                .chain(last -> {
                    event.prevHash = last == null ? AuditHash.GENESIS : last.hash;
                    event.hash = AuditHash.of(event);
                    return event.persistAndFlush();
                })
                .replaceWith(event);
    }

    /** Records in a transaction of its own, for refusals whose own transaction is rolled back. */
    public Uni<AuditEvent> recordAlone(Actor actor, AuditAction action, AuditSubject subject, Object subjectId,
            Map<String, ?> details) {
        return Panache.withTransaction(() -> record(actor, action, subject, subjectId, details));
    }

    private String canonicalJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON-serialisable", e);
        }
    }
}
