package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;


import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.security.CurrentActor;
import org.lfr.watchlist.WatchlistEntryInput;
import org.lfr.watchlist.WatchlistEntryView;
import org.lfr.watchlist.WatchlistService;
import org.lfr.watchlist.WatchlistView;

import io.smallrye.mutiny.Uni;

@GraphQLApi
public class WatchlistApi {

    private final WatchlistService watchlists;
    private final CurrentActor actor;

    WatchlistApi(WatchlistService watchlists, CurrentActor actor) {
        this.watchlists = watchlists;
        this.actor = actor;
    }

    @Query
    @Description("A deployment's watchlist: entry metadata only (images are downloaded over REST, audited). Officers: deployments they operate.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<WatchlistView> watchlist(@Id @NonNull String deploymentId) {
        return watchlists.get(actor.get(), Ids.uuid("deploymentId", deploymentId));
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<WatchlistEntryView> proposeWatchlistEntry(@Id @NonNull String deploymentId, @NonNull WatchlistEntryInput input) {
        return watchlists.propose(actor.get(), Ids.uuid("deploymentId", deploymentId), input);
    }

    @Mutation
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<Boolean> removeWatchlistEntry(@Id @NonNull String entryId) {
        return watchlists.remove(actor.get(), Ids.uuid("entryId", entryId));
    }

    @Mutation
    @Description("Supervisor override for an under-18 subject or an old image, with a written reason.")
    @RolesAllowed(SUPERVISOR)
    public Uni<WatchlistEntryView> overrideWatchlistEntry(@Id @NonNull String entryId, @NonNull String reason) {
        return watchlists.override(actor.get(), Ids.uuid("entryId", entryId), reason);
    }

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<WatchlistView> approveWatchlist(@Id @NonNull String deploymentId) {
        return watchlists.approve(actor.get(), Ids.uuid("deploymentId", deploymentId));
    }
}
