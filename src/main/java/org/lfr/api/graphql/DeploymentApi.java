package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.common.Actor;
import org.lfr.common.paging.PageRequest;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentConnection;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentEvents;
import org.lfr.deployment.DeploymentFilter;
import org.lfr.deployment.DeploymentInput;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.deployment.OperatorAssignment;
import org.lfr.deployment.Operators;
import org.lfr.security.CurrentActor;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class DeploymentApi {

    private final DeploymentQueries queries;
    private final DeploymentDrafting drafting;
    private final DeploymentService deployments;
    private final OperatorAssignment operators;
    private final DeploymentEvents events;
    private final CurrentActor actor;

    DeploymentApi(DeploymentQueries queries, DeploymentDrafting drafting, DeploymentService deployments,
            OperatorAssignment operators, DeploymentEvents events, CurrentActor actor) {
        this.queries = queries;
        this.drafting = drafting;
        this.deployments = deployments;
        this.operators = operators;
        this.events = events;
        this.actor = actor;
    }

    @Query
    @Description("Deployments, newest planned start first, a page at a time (Relay: `first`/`after` towards older,"
            + " `last`/`before` towards newer), filtered by status, by whether the caller operates them, by planned start."
            + " An officer sees only the deployments they are assigned to.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<DeploymentConnection> deployments(DeploymentFilter filter, Integer first, String after, Integer last,
            String before) {
        return queries.page(actor.get(), filter, new PageRequest(first, after, last, before));
    }

    @Query
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    @Description("One deployment: for its assigned officers, supervisors and the DPO.")
    public Uni<DeploymentView> deployment(@Id @NonNull String id) {
        return queries.get(actor.get(), Ids.uuid("id", id));
    }

    @Mutation
    @Description("Draft a deployment (officer). Planned window at most the configured maximum, DPIA and equality-impact references required.")
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> createDeployment(@NonNull DeploymentInput input) {
        return drafting.create(actor.get(), input);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> updateDeployment(@Id @NonNull String id, @NonNull DeploymentInput input) {
        return drafting.update(actor.get(), Ids.uuid("id", id), input);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> addCamera(@Id @NonNull String deploymentId, @NonNull CameraInput input) {
        return drafting.addCamera(actor.get(), Ids.uuid("deploymentId", deploymentId), input);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    @Description("Take a camera off a DRAFT deployment (who may: as addCamera, its drafting officer); a sign recorded"
            + " for it goes with it. Refused with `conflict` once the deployment is submitted.")
    public Uni<DeploymentView> removeCamera(@Id @NonNull String cameraId) {
        return drafting.removeCamera(actor.get(), Ids.uuid("cameraId", cameraId));
    }

    @Mutation
    @RolesAllowed({OFFICER, SUPERVISOR})
    @Description("Submit a draft for authorisation: its drafting officer, or a supervisor on their behalf.")
    public Uni<DeploymentView> submitDeployment(@Id @NonNull String id) {
        return drafting.submit(actor.get(), Ids.uuid("id", id));
    }

    @Mutation
    @Description("Set the officers who operate a deployment (usernames of the identity provider; the drafter is"
            + " assigned when drafting): its drafter while it is a draft, a supervisor at any time until it ends.")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<DeploymentView> assignOperators(@Id @NonNull String deploymentId,
            @NonNull List<@NonNull String> usernames) {
        return operators.assign(actor.get(), Ids.uuid("deploymentId", deploymentId), usernames);
    }

    @Mutation
    @Description("Authorise (a supervisor who did not draft it). Freezes the approved watchlist. A critical-threat reason waives the notice lead time.")
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> authoriseDeployment(@Id @NonNull String id, String noticeExemptionReason) {
        return deployments.authorise(actor.get(), Ids.uuid("id", id), noticeExemptionReason);
    }

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> rejectDeployment(@Id @NonNull String id, @NonNull String reason) {
        return deployments.reject(actor.get(), Ids.uuid("id", id), reason);
    }

    @Mutation
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<DeploymentView> cancelDeployment(@Id @NonNull String id, @NonNull String reason) {
        return deployments.cancel(actor.get(), Ids.uuid("id", id), reason);
    }

    @Mutation("setMatchThreshold")
    @Description("Change the match threshold within the configured floor..1 (supervisor), before the deployment runs or while paused.")
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentView> setMatchThreshold(@Id @NonNull String id, double threshold) {
        return deployments.setMatchThreshold(actor.get(), Ids.uuid("id", id), threshold);
    }

    @Mutation
    @Description("Start matching. Refused with gate-not-met and the unmet rules unless every start rule holds.")
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> startDeployment(@Id @NonNull String id) {
        return deployments.start(actor.get(), Ids.uuid("id", id));
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> pauseDeployment(@Id @NonNull String id) {
        return deployments.pause(actor.get(), Ids.uuid("id", id));
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> resumeDeployment(@Id @NonNull String id) {
        return deployments.resume(actor.get(), Ids.uuid("id", id));
    }

    @Mutation
    @Description("Close the deployment: matching stops, the watchlist's images and embeddings are purged within 15 minutes.")
    @RolesAllowed(OFFICER)
    public Uni<DeploymentView> stopDeployment(@Id @NonNull String id) {
        return deployments.stop(actor.get(), Ids.uuid("id", id));
    }

    @Mutation
    @Description("Suspend a deployment pending review (DPO).")
    @RolesAllowed(DPO)
    public Uni<DeploymentView> suspendDeployment(@Id @NonNull String id, @NonNull String reason) {
        return deployments.suspend(actor.get(), Ids.uuid("id", id), reason);
    }

    @Subscription
    @Description("Status changes, of one deployment or of all the caller may read (an officer: those assigned to"
            + " them).")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Multi<DeploymentView> deploymentStatusChanged(@Id String deploymentId) {
        UUID deployment = deploymentId == null ? null : Ids.uuid("deploymentId", deploymentId);
        Actor caller = actor.get();
        boolean seesAll = caller.isSupervisor() || caller.isDpo();
        return events.stream().filter(d -> (deployment == null || deployment.equals(d.id()))
                && (seesAll || new Operators(d.operators()).include(caller.username())));
    }
}
