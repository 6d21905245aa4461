package org.lfr.audit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuditEvent")
public record AuditEventView(long seq, @Id @NonNull String id, Instant occurredAt, String actor, String action,
        String subjectType, String subjectId, String details, String prevHash, String hash) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.seq, e.id.toString(), e.occurredAt, e.actor, e.action, e.subjectType,
                e.subjectId, e.details, e.prevHash, e.hash);
    }
}
