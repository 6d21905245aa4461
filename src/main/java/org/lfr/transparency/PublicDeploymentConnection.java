package org.lfr.transparency;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageInfo;

/** A page of where LFR is planned or in use, earliest planned start first, Relay style. */
@Type("PublicDeploymentConnection")
public record PublicDeploymentConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("PublicDeploymentEdge")
    public record Edge(@NonNull String cursor, @NonNull PublicDeploymentView node) {
    }

    public static PublicDeploymentConnection of(Page<PublicDeploymentView> page) {
        return new PublicDeploymentConnection(page.edges(Edge::new), page.pageInfo());
    }
}
