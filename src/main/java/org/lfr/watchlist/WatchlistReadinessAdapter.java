package org.lfr.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Now;
import org.lfr.deployment.GateRule;
import org.lfr.deployment.GovernanceConfig;
import org.lfr.deployment.WatchlistReadiness;

import io.smallrye.mutiny.Uni;

/** The watchlist's answers to the deployment lifecycle, by {@link WatchlistRules}. */
@ApplicationScoped
class WatchlistReadinessAdapter implements WatchlistReadiness {

    private final Now now;
    private final GovernanceConfig governance;

    WatchlistReadinessAdapter(Now now, GovernanceConfig governance) {
        this.now = now;
        this.governance = governance;
    }

    @Override
    public Uni<Void> open(UUID deploymentId) {
        Watchlist w = new Watchlist();
        w.deploymentId = deploymentId;
        return w.persist().replaceWithVoid();
    }

    @Override
    public Uni<List<GateRule>> unmetForAuthorisation(UUID deploymentId) {
        return Watchlist.<Watchlist>findById(deploymentId).chain(w -> WatchlistEntry
                .<WatchlistEntry>list("deploymentId", deploymentId)
                .map(entries -> WatchlistRules.forAuthorisation(w, entries, now.today(), limits(governance))));
    }

    @Override
    public Uni<List<GateRule>> unmetForStart(UUID deploymentId) {
        return Watchlist.<Watchlist>findById(deploymentId).chain(w -> WatchlistEntry.count("deploymentId", deploymentId)
                .map(size -> WatchlistRules.forStart(w, size, limits(governance))));
    }

    @Override
    public Uni<Void> freeze(UUID deploymentId, Instant at) {
        return Watchlist.<Watchlist>findById(deploymentId).invoke(w -> w.frozenAt = at).replaceWithVoid();
    }

    static WatchlistRules.Limits limits(GovernanceConfig governance) {
        return new WatchlistRules.Limits(governance.maxWatchlistSize(), governance.maxImageAgeDays());
    }
}
