package org.lfr.deployment;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageInfo;

/** A page of deployments, newest planned start first, Relay style. */
@Type("DeploymentConnection")
public record DeploymentConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("DeploymentEdge")
    public record Edge(@NonNull String cursor, @NonNull DeploymentView node) {
    }

    static DeploymentConnection of(Page<DeploymentView> page) {
        return new DeploymentConnection(page.edges(Edge::new), page.pageInfo());
    }
}
