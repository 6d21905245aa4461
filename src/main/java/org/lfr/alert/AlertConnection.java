package org.lfr.alert;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageInfo;

/** A page of alerts in the order they were recorded, Relay style. */
@Type("AlertConnection")
public record AlertConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("AlertEdge")
    public record Edge(@NonNull String cursor, @NonNull AlertView node) {
    }

    static AlertConnection of(Page<AlertView> page) {
        return new AlertConnection(page.edges(Edge::new), page.pageInfo());
    }
}
