package org.lfr.deployment;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Gathers the {@link StartFacts} of a deployment, from its own tables and from the features it depends on. */
@ApplicationScoped
class StartFactsLoader {

    private final WatchlistReadiness watchlist;
    private final NoticeRecord notices;
    private final SignageRecord signage;

    StartFactsLoader(WatchlistReadiness watchlist, NoticeRecord notices, SignageRecord signage) {
        this.watchlist = watchlist;
        this.notices = notices;
        this.signage = signage;
    }

    /** In the caller's session; one reactive session runs one query at a time, so these load in sequence. */
    Uni<StartFacts> load(Deployment d) {
        return Camera.<Camera>list("deploymentId", d.id).chain(cameras -> signage.camerasWithSigns(d.id)
                .chain(signed -> notices.publishedAt(d.id).chain(published -> watchlist.unmetForStart(d.id)
                        .map(watchlistUnmet -> {
                            Set<UUID> ids = new HashSet<>();
                            cameras.forEach(c -> ids.add(c.id));
                            return new StartFacts(d.status, d.createdBy, d.authorisedBy, d.plannedStart,
                                    d.plannedEnd, d.dpiaReference, d.noticeExemptionReason, published, ids, signed,
                                    watchlistUnmet);
                        }))));
    }
}
