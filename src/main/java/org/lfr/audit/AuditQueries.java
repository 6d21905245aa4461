package org.lfr.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.InputValidation;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageRequest;
import org.lfr.persistence.OwnSession;
import org.lfr.persistence.Where;

import io.smallrye.mutiny.Uni;

/** Reading the audit trail (the DPO): pages in chain order with filters. */
@ApplicationScoped
public class AuditQueries {

    /** A page of the trail in chain order ({@code seq}): forwards after a cursor, or the last events before one. */
    @OwnSession
    public Uni<AuditEventConnection> page(AuditFilter filter, PageRequest request) {
        AuditFilter f = filter == null ? AuditFilter.ALL : filter;
        InputValidation.require(f.from() == null || f.to() == null || f.from().isBefore(f.to()), "filter.to",
                "must be after filter.from");
        Long cursor = request.decodeSeq();
        Where where = new Where()
                .and("actor = :actor", "actor", f.actor())
                .and("action = :action", "action", f.action() == null ? null : f.action().name())
                .and("subjectType = :subjectType", "subjectType", f.subjectType() == null ? null : f.subjectType().name())
                .and("subjectId = :subjectId", "subjectId", f.subjectId())
                .and("occurredAt >= :from", "from", f.from())
                .and("occurredAt < :to", "to", f.to())
                .and(request.backwards() ? "seq < :cursor" : "seq > :cursor", "cursor", cursor);
        return AuditEvent.<AuditEvent>find(where.orderBy(request.backwards() ? "seq desc" : "seq"), where.parameters())
                .page(0, request.size() + 1).list()
                .map(rows -> {
                    Page<AuditEvent> page = Page.of(request, rows, e -> String.valueOf(e.seq));
                    return AuditEventConnection.of(page.map(items -> items.stream().map(AuditEventView::of).toList()));
                });
    }
}
