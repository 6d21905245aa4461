package org.lfr.transparency;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageInfo;

/** A page of the published community notices, newest first, Relay style. */
@Type("PublicNoticeConnection")
public record PublicNoticeConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("PublicNoticeEdge")
    public record Edge(@NonNull String cursor, @NonNull PublicNoticeView node) {
    }

    public static PublicNoticeConnection of(Page<PublicNoticeView> page) {
        return new PublicNoticeConnection(page.edges(Edge::new), page.pageInfo());
    }
}
