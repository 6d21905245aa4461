package org.lfr.alert;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageInfo;

/** A page of alerts in the order they were recorded, Relay style. */
@Type("AlertConnection")
public record AlertConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo,
        @Description("How many alerts match the filter in all, whatever the page: with {pending: true}, how many wait"
                + " for a decision.") int totalCount) {

    @Type("AlertEdge")
    public record Edge(@NonNull String cursor, @NonNull AlertView node) {
    }

    static AlertConnection of(Page<AlertView> page, long totalCount) {
        return new AlertConnection(page.edges(Edge::new), page.pageInfo(), Math.toIntExact(totalCount));
    }
}
