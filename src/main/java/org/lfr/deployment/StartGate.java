package org.lfr.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.notice.CommunityNotice;
import org.lfr.signage.Signage;
import org.lfr.watchlist.Watchlist;
import org.lfr.watchlist.WatchlistEntry;

import io.smallrye.mutiny.Uni;

/**
 * The rules that must all hold before a deployment may start matching faces. Each unmet rule is reported by its
 * stable name so that an officer (and an auditor) can see exactly what is missing.
 */
@ApplicationScoped
public class StartGate {

    public static final String NOT_AUTHORISED = "NOT_AUTHORISED";
    public static final String FOUR_EYES = "FOUR_EYES";
    public static final String OUTSIDE_AUTHORISED_WINDOW = "OUTSIDE_AUTHORISED_WINDOW";
    public static final String COMMUNITY_NOTICE_LEAD_TIME = "COMMUNITY_NOTICE_LEAD_TIME";
    public static final String NO_CAMERAS = "NO_CAMERAS";
    public static final String SIGNAGE_NOT_PLACED = "SIGNAGE_NOT_PLACED";
    public static final String WATCHLIST_NOT_FROZEN = "WATCHLIST_NOT_FROZEN";
    public static final String WATCHLIST_EMPTY = "WATCHLIST_EMPTY";
    public static final String WATCHLIST_TOO_LARGE = "WATCHLIST_TOO_LARGE";
    public static final String DPIA_MISSING = "DPIA_MISSING";

    @Inject
    GovernanceConfig config;

    /**
     * Unmet rules for moving {@code d} from {@code from} (AUTHORISED to start, PAUSED to resume) to ACTIVE at
     * {@code now}; empty when it may.
     */
    public Uni<List<String>> unmetRules(Deployment d, DeploymentStatus from, Instant now) {
        UUID id = d.id;
        // One reactive session runs one query at a time: load in sequence, not with Uni.combine().
        return Camera.<Camera>list("deploymentId", id).chain(cameras -> Signage
                .<Signage>list("deploymentId = ?1 and removedAt is null", id).chain(signs -> CommunityNotice
                        .<CommunityNotice>list("deploymentId", id).chain(notices -> Watchlist
                                .<Watchlist>findById(id).chain(watchlist -> WatchlistEntry
                                        .count("deploymentId", id).map(entries -> evaluate(d, from, now, cameras, signs,
                                                notices, watchlist, entries))))));
    }

    private List<String> evaluate(Deployment d, DeploymentStatus from, Instant now, List<Camera> cams, List<Signage> placed,
            List<CommunityNotice> notices, Watchlist w, long size) {
        List<String> unmet = new ArrayList<>();
        if (d.status != from) {
            unmet.add(NOT_AUTHORISED);
        }
        if (d.authorisedBy == null || d.authorisedBy.equals(d.createdBy)) {
            unmet.add(FOUR_EYES);
        }
        if (now.isBefore(d.plannedStart) || !now.isBefore(d.plannedEnd)) {
            unmet.add(OUTSIDE_AUTHORISED_WINDOW);
        }
        if (d.dpiaReference == null || d.dpiaReference.isBlank()) {
            unmet.add(DPIA_MISSING);
        }
        Instant noticeDeadline = now.minus(config.noticeLeadTime());
        boolean noticed = notices.stream().anyMatch(n -> !n.publishedAt.isAfter(noticeDeadline));
        if (!noticed && d.noticeExemptionReason == null) {
            unmet.add(COMMUNITY_NOTICE_LEAD_TIME);
        }
        if (cams.isEmpty()) {
            unmet.add(NO_CAMERAS);
        }
        boolean allSigned = cams.stream()
                .allMatch(c -> placed.stream().anyMatch(s -> s.cameraId.equals(c.id)));
        if (!allSigned) {
            unmet.add(SIGNAGE_NOT_PLACED);
        }
        if (w == null || !w.isApproved() || !w.isFrozen()) {
            unmet.add(WATCHLIST_NOT_FROZEN);
        }
        if (size == 0) {
            unmet.add(WATCHLIST_EMPTY);
        }
        if (size > config.maxWatchlistSize()) {
            unmet.add(WATCHLIST_TOO_LARGE);
        }
        return unmet;
    }
}
