package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
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
    public Uni<WatchlistView> watchlist(@NonNull UUID deploymentId) {
        return watchlists.get(actor.get(), deploymentId);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<WatchlistEntryView> proposeWatchlistEntry(@NonNull UUID deploymentId, @NonNull WatchlistEntryInput input) {
        return watchlists.propose(actor.get(), deploymentId, input);
    }

    @Mutation
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<Boolean> removeWatchlistEntry(@NonNull UUID entryId) {
        return watchlists.remove(actor.get(), entryId);
    }

    @Mutation
    @Description("Supervisor override for an under-18 subject or an old image, with a written reason.")
    @RolesAllowed(SUPERVISOR)
    public Uni<WatchlistEntryView> overrideWatchlistEntry(@NonNull UUID entryId, @NonNull String reason) {
        return watchlists.override(actor.get(), entryId, reason);
    }

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<WatchlistView> approveWatchlist(@NonNull UUID deploymentId) {
        return watchlists.approve(actor.get(), deploymentId);
    }
}
