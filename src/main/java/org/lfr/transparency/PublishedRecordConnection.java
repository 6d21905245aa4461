package org.lfr.transparency;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageInfo;

/** A page of the published deployment records, newest first, Relay style. */
@Type("PublishedRecordConnection")
public record PublishedRecordConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("PublishedRecordEdge")
    public record Edge(@NonNull String cursor, @NonNull DeploymentRecordView node) {
    }

    public static PublishedRecordConnection of(Page<DeploymentRecordView> page) {
        return new PublishedRecordConnection(page.edges(Edge::new), page.pageInfo());
    }
}
