package org.lfr.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.InputValidation;

import org.lfr.persistence.OwnSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditQueries {

    /** Events after {@code afterSeq}, oldest first, at most {@code limit} (1..500). */
    @OwnSession
    public Uni<List<AuditEventView>> trail(long afterSeq, int limit) {
        InputValidation.require(limit >= 1 && limit <= 500, "limit", "must be between 1 and 500");
        InputValidation.require(afterSeq >= 0, "afterSeq", "must not be negative");
        return AuditEvent.<AuditEvent>find("seq > ?1 order by seq", afterSeq)
                .page(0, limit).list().map(list -> list.stream().map(AuditEventView::of).toList());
    }
}
