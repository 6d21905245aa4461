package org.lfr.watchlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Now;
import org.lfr.deployment.GateRule;
import org.lfr.deployment.GovernanceConfig;
import org.lfr.deployment.WatchlistReadiness;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The watchlist's answers to the deployment lifecycle, by {@link WatchlistRules}. */
@ApplicationScoped
class WatchlistReadinessAdapter implements WatchlistReadiness {

    private final Now now;
    private final GovernanceConfig governance;
    private final LookalikeAssessor lookalikes;

    WatchlistReadinessAdapter(Now now, GovernanceConfig governance, LookalikeAssessor lookalikes) {
        this.now = now;
        this.governance = governance;
        this.lookalikes = lookalikes;
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
    public Uni<List<Map<String, Object>>> lookalikesFlaggedAt(UUID deploymentId, double threshold) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select e.id, e.subject_reference, m.cohort_size,"
                + " m.cohort_floor, m.cohort_scores from watchlist_entry e join enrolment_embedding m"
                + " on m.watchlist_entry_id = e.id where e.deployment_id = :d order by e.added_at, e.subject_reference",
                Object[].class).setParameter("d", deploymentId).getResultList()).map(rows -> {
                    List<Map<String, Object>> flagged = new ArrayList<>();
                    for (Object[] r : rows) {
                        LookalikeRisk risk = lookalikes.assess(threshold, r[2] == null ? null
                                : ((Number) r[2]).intValue(), r[3] == null ? null : ((Number) r[3]).doubleValue(),
                                (String) r[4]);
                        if (risk != null && risk.warning() != null) {
                            flagged.add(Map.of("entry", r[0].toString(), "subject", r[1], "expectedFalseAlertRate",
                                    risk.rate(), "multiple", risk.multiple()));
                        }
                    }
                    return flagged;
                });
    }

    @Override
    public Uni<Void> freeze(UUID deploymentId, Instant at) {
        return Watchlist.<Watchlist>findById(deploymentId).invoke(w -> w.frozenAt = at).replaceWithVoid();
    }

    static WatchlistRules.Limits limits(GovernanceConfig governance) {
        return new WatchlistRules.Limits(governance.maxWatchlistSize(), governance.maxImageAgeDays());
    }
}
