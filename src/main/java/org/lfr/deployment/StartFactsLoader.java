package org.lfr.deployment;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Now;

import io.smallrye.mutiny.Uni;

/**
 * Gathers the {@link StartFacts} of a deployment, from its own tables and from the features it depends on, and
 * judges them: the one evaluation that both refuses a start (or resume) and fills the checklist, so they agree.
 */
@ApplicationScoped
class StartFactsLoader {

    private final WatchlistReadiness watchlist;
    private final NoticeRecord notices;
    private final SignageRecord signage;
    private final DeploymentInputRules rules;
    private final GovernanceConfig config;
    private final Now now;

    StartFactsLoader(WatchlistReadiness watchlist, NoticeRecord notices, SignageRecord signage,
            DeploymentInputRules rules, GovernanceConfig config, Now now) {
        this.watchlist = watchlist;
        this.notices = notices;
        this.signage = signage;
        this.rules = rules;
        this.config = config;
        this.now = now;
    }

    /**
     * Every rule unmet for moving to ACTIVE from {@code from}: the start gate's, and the threshold's (the models may
     * have changed since authorisation). In the caller's session.
     */
    Uni<List<GateRule>> unmet(Deployment d, DeploymentStatus from) {
        return load(d).map(facts -> {
            Set<GateRule> unmet = new LinkedHashSet<>(StartGate.unmet(facts, from, now.instant(),
                    config.noticeLeadTime()));
            unmet.addAll(rules.thresholdUnmet(d.matchThreshold));
            return List.copyOf(unmet);
        });
    }

    /** In the caller's session; one reactive session runs one query at a time, so these load in sequence. */
    Uni<StartFacts> load(Deployment d) {
        return Camera.<Camera>list("deploymentId", d.id).chain(cameras -> signage.camerasWithSigns(d.id)
                .chain(signed -> notices.publishedAt(d.id).chain(published -> watchlistUnmet(d)
                        .map(watchlistUnmet -> {
                            Set<UUID> ids = new HashSet<>();
                            cameras.forEach(c -> ids.add(c.id));
                            return new StartFacts(d.status, d.createdBy, d.authorisedBy, d.plannedStart,
                                    d.plannedEnd, d.dpiaReference, d.noticeExemptionReason, published, ids, signed,
                                    watchlistUnmet);
                        }))));
    }

    /**
     * The watchlist's rules for starting; before authorisation also those for authorising (approval, overrides),
     * which a start would need first: a draft's checklist then shows "not approved" where the list is not.
     * Afterwards the authorisation has checked them and frozen the list.
     */
    private Uni<List<GateRule>> watchlistUnmet(Deployment d) {
        if (d.authorisedBy != null) {
            return watchlist.unmetForStart(d.id);
        }
        return watchlist.unmetForAuthorisation(d.id).chain(forAuthorisation -> watchlist.unmetForStart(d.id)
                .map(forStart -> {
                    Set<GateRule> both = new LinkedHashSet<>(forAuthorisation);
                    both.addAll(forStart);
                    return List.copyOf(both);
                }));
    }
}
