package org.lfr.api.graphql;

import static org.lfr.common.Roles.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.lfr.deployment.DeploymentHold;
import org.lfr.deployment.DeploymentView;
import org.lfr.security.CurrentActor;

import io.smallrye.mutiny.Uni;

/** Deployments the service holds PAUSED (after a restore from backup): a supervisor's decision, with a reason. */
@GraphQLApi
public class HeldDeploymentApi {

    private final DeploymentHold hold;
    private final CurrentActor actor;

    HeldDeploymentApi(DeploymentHold hold, CurrentActor actor) {
        this.hold = hold;
        this.actor = actor;
    }

    @Mutation
    @Description("Resume a deployment the service holds (holdReason, e.g. \"restored from backup\"): the start gate must"
            + " hold again; the reason is audited. Supervisors only.")
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> resumeHeldDeployment(@Id @NonNull String id, @NonNull String reason) {
        return hold.resume(actor.get(), Ids.uuid("id", id), reason);
    }

    @Mutation
    @Description("Close a deployment the service holds; its watchlist's images and embeddings are then purged within"
            + " 15 minutes. The reason is audited. Supervisors only.")
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> stopHeldDeployment(@Id @NonNull String id, @NonNull String reason) {
        return hold.stop(actor.get(), Ids.uuid("id", id), reason);
    }
}
