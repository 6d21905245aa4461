package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.alert.AdjudicationInput;
import org.lfr.alert.AlertConnection;
import org.lfr.alert.AlertEvents;
import org.lfr.alert.AlertFilter;
import org.lfr.alert.AlertQueries;
import org.lfr.alert.AlertService;
import org.lfr.alert.AlertView;
import org.lfr.common.Actor;
import org.lfr.common.ForbiddenException;
import org.lfr.common.paging.PageRequest;
import org.lfr.deployment.DeploymentEvents;
import org.lfr.deployment.Operators;
import org.lfr.security.CurrentActor;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class AlertApi {

    private final AlertQueries queries;
    private final AlertService alerts;
    private final AlertEvents events;
    private final DeploymentEvents deployments;
    private final CurrentActor actor;

    AlertApi(AlertQueries queries, AlertService alerts, AlertEvents events, DeploymentEvents deployments,
            CurrentActor actor) {
        this.deployments = deployments;
        this.queries = queries;
        this.alerts = alerts;
        this.events = events;
        this.actor = actor;
    }

    @Query
    @Description("Alerts in the order they were recorded, a page at a time (Relay): `first`/`after` reads on from a"
            + " cursor (a client catching up after a reconnect misses nothing), `last`/`before` gives the newest."
            + " Officers see alerts of deployments they operate. Crops are downloaded over REST, audited.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<AlertConnection> alerts(AlertFilter filter, Integer first, String after, Integer last, String before) {
        return queries.page(actor.get(), filter, new PageRequest(first, after, last, before));
    }

    @Query
    @Description("One alert (officers: of a deployment they operate).")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<AlertView> alert(@Id @NonNull String id) {
        return queries.get(actor.get(), Ids.uuid("id", id));
    }

    @Mutation
    @Description("An officer's decision: CONFIRMED_MATCH (then optionally an outcome), FALSE_ALERT or NOT_ENGAGED."
            + " Only the officers assigned to the deployment decide; anyone else (a supervisor too) is refused with a"
            + " sentence saying so.")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<AlertView> adjudicateAlert(@NonNull AdjudicationInput input) {
        return alerts.adjudicate(actor.get(), input);
    }

    @Mutation
    @Description("Keep an alert beyond the retention period, with the reason (e.g. evidence in proceedings).")
    @RolesAllowed(SUPERVISOR)
    public Uni<AlertView> placeLegalHold(@Id @NonNull String alertId, @NonNull String reason) {
        return alerts.placeLegalHold(actor.get(), Ids.uuid("alertId", alertId), reason);
    }

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<AlertView> releaseLegalHold(@Id @NonNull String alertId) {
        return alerts.releaseLegalHold(actor.get(), Ids.uuid("alertId", alertId));
    }

    @Subscription
    @Description("New alerts of one deployment as they are raised, while the caller may read them: an officer taken"
            + " off the deployment gets `forbidden` and nothing more.")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Multi<AlertView> alertRaised(@Id @NonNull String deploymentId) {
        return whileReadable(deploymentId, events.stream());
    }

    @Subscription
    @Description("Officers' decisions on one deployment's alerts as they are committed, on whichever replica: the"
            + " alert with who decided (`adjudicatedBy`), the decision, outcome and notes, so every console watching"
            + " it updates its card at once. Same rule as `alertRaised`: an officer taken off the deployment gets"
            + " `forbidden` and nothing more.")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Multi<AlertView> alertDecided(@Id @NonNull String deploymentId) {
        return whileReadable(deploymentId, events.decisions());
    }

    /** {@code alerts} of the deployment for as long as the caller may read them. */
    private Multi<AlertView> whileReadable(String deploymentId, Multi<AlertView> alerts) {
        Actor caller = actor.get();
        UUID deployment = Ids.uuid("deploymentId", deploymentId);
        // an assignment change is a deployment event: the officer no longer assigned is cut off at once
        Multi<AlertView> revoked = deployments.stream().filter(d -> d.id().equals(deployment) && !caller.isSupervisor()
                && !new Operators(d.operators()).include(caller.username()))
                .onItem().transformToUniAndConcatenate(d -> Uni.createFrom().<AlertView>failure(new ForbiddenException(
                        "you are no longer assigned to operate deployment " + d.reference())));
        return queries.requireReadable(caller, deployment).onItem().transformToMulti(ok -> Multi.createBy().merging()
                .streams(alerts.filter(a -> a.deploymentId().equals(deployment)), revoked));
    }
}
