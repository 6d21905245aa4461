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
import org.lfr.alert.AdjudicationInput;
import org.lfr.alert.AlertEvents;
import org.lfr.alert.AlertQueries;
import org.lfr.alert.AlertService;
import org.lfr.alert.AlertView;
import org.lfr.common.Actor;
import org.lfr.security.CurrentActor;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class AlertApi {

    private final AlertQueries queries;
    private final AlertService alerts;
    private final AlertEvents events;
    private final CurrentActor actor;

    AlertApi(AlertQueries queries, AlertService alerts, AlertEvents events, CurrentActor actor) {
        this.queries = queries;
        this.alerts = alerts;
        this.events = events;
        this.actor = actor;
    }

    @Query
    @Description("Alerts of a deployment (officers: deployments they operate). Crops are downloaded over REST, audited.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<List<AlertView>> alerts(@NonNull UUID deploymentId) {
        return queries.list(actor.get(), deploymentId);
    }

    @Mutation
    @Description("An officer's decision: CONFIRMED_MATCH (then optionally an outcome), FALSE_ALERT or NOT_ENGAGED.")
    @RolesAllowed(OFFICER)
    public Uni<AlertView> adjudicateAlert(@NonNull AdjudicationInput input) {
        return alerts.adjudicate(actor.get(), input);
    }

    @Mutation
    @Description("Keep an alert beyond the retention period, with the reason (e.g. evidence in proceedings).")
    @RolesAllowed(SUPERVISOR)
    public Uni<AlertView> placeLegalHold(@NonNull UUID alertId, @NonNull String reason) {
        return alerts.placeLegalHold(actor.get(), alertId, reason);
    }

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<AlertView> releaseLegalHold(@NonNull UUID alertId) {
        return alerts.releaseLegalHold(actor.get(), alertId);
    }

    @Subscription
    @Description("New alerts of one deployment as they are raised.")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Multi<AlertView> alertRaised(@NonNull UUID deploymentId) {
        Actor caller = actor.get();
        return queries.requireReadable(caller, deploymentId)
                .onItem().transformToMulti(ok -> events.stream().filter(a -> a.deploymentId().equals(deploymentId)));
    }
}
