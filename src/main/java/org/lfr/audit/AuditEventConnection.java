package org.lfr.audit;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageInfo;

/** A page of the audit trail in chain order, Relay style. */
@Type("AuditEventConnection")
public record AuditEventConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("AuditEventEdge")
    public record Edge(@NonNull String cursor, @NonNull AuditEventView node) {
    }

    static AuditEventConnection of(Page<AuditEventView> page) {
        return new AuditEventConnection(page.edges(Edge::new), page.pageInfo());
    }
}
