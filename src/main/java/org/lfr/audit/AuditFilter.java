package org.lfr.audit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Which audit events to list; every part optional, all parts given must hold. */
@Input("AuditFilter")
@Description("Which audit events: by one actor, of one action, about one subject (type, and id), in a time range"
        + " [from, to).")
public record AuditFilter(String actor, AuditAction action, AuditSubject subjectType, String subjectId, Instant from,
        Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);
}
