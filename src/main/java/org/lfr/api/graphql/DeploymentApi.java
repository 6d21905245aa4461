package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentEvents;
import org.lfr.deployment.DeploymentInput;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.deployment.DeploymentView;
import org.lfr.security.CurrentActor;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class DeploymentApi {

    private final DeploymentQueries queries;
    private final DeploymentDrafting drafting;
    private final DeploymentService deployments;
    private final DeploymentEvents events;
    private final CurrentActor actor;

    DeploymentApi(DeploymentQueries queries, DeploymentDrafting drafting, DeploymentService deployments,
            DeploymentEvents events, CurrentActor actor) {
        this.queries = queries;
        this.drafting = drafting;
        this.deployments = deployments;
        this.events = events;
        this.actor = actor;
    }

    @Query
    @Description("Deployments, newest planned start first; optionally only those in one status.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<List<DeploymentView>> deployments(DeploymentStatus status) {
        return queries.list(status);
    }

    @Query
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<DeploymentView> deployment(@NonNull UUID id) {
        return queries.get(id);
    }

    @Mutation
    @Description("Draft a deployment (officer). Planned window at most the configured maximum, DPIA and equality-impact references required.")
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> createDeployment(@NonNull DeploymentInput input) {
        return drafting.create(actor.get(), input);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> updateDeployment(@NonNull UUID id, @NonNull DeploymentInput input) {
        return drafting.update(actor.get(), id, input);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> addCamera(@NonNull UUID deploymentId, @NonNull CameraInput input) {
        return drafting.addCamera(actor.get(), deploymentId, input);
    }

    @Mutation
    @RolesAllowed({OFFICER, SUPERVISOR})
    @Description("Submit a draft for authorisation: its drafting officer, or a supervisor on their behalf.")
    public Uni<DeploymentView> submitDeployment(@NonNull UUID id) {
        return drafting.submit(actor.get(), id);
    }

    @Mutation
    @Description("Authorise (a supervisor who did not draft it). Freezes the approved watchlist. A critical-threat reason waives the notice lead time.")
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> authoriseDeployment(@NonNull UUID id, String noticeExemptionReason) {
        return deployments.authorise(actor.get(), id, noticeExemptionReason);
    }

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> rejectDeployment(@NonNull UUID id, @NonNull String reason) {
        return deployments.reject(actor.get(), id, reason);
    }

    @Mutation
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<DeploymentView> cancelDeployment(@NonNull UUID id, @NonNull String reason) {
        return deployments.cancel(actor.get(), id, reason);
    }

    @Mutation("setMatchThreshold")
    @Description("Change the match threshold within the configured floor..1 (supervisor), before the deployment runs or while paused.")
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> setMatchThreshold(@NonNull UUID id, double threshold) {
        return deployments.setMatchThreshold(actor.get(), id, threshold);
    }

    @Mutation
    @Description("Start matching. Refused with gate-not-met and the unmet rules unless every start rule holds.")
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> startDeployment(@NonNull UUID id) {
        return deployments.start(actor.get(), id);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> pauseDeployment(@NonNull UUID id) {
        return deployments.pause(actor.get(), id);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> resumeDeployment(@NonNull UUID id) {
        return deployments.resume(actor.get(), id);
    }

    @Mutation
    @Description("Close the deployment: matching stops, the watchlist's images and embeddings are purged within 15 minutes.")
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> stopDeployment(@NonNull UUID id) {
        return deployments.stop(actor.get(), id);
    }

    @Mutation
    @Description("Suspend a deployment pending review (DPO).")
    @RolesAllowed(DPO)
    public Uni<DeploymentView> suspendDeployment(@NonNull UUID id, @NonNull String reason) {
        return deployments.suspend(actor.get(), id, reason);
    }

    @Subscription
    @Description("Status changes, of one deployment or of all.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Multi<DeploymentView> deploymentStatusChanged(UUID deploymentId) {
        return events.stream().filter(d -> deploymentId == null || deploymentId.equals(d.id()));
    }
}
