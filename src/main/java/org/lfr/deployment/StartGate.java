package org.lfr.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that must all hold before a deployment may start (or resume) matching faces. Plain Java over
 * {@link StartFacts}: every unmet rule is reported, by its stable name, so an officer (and an auditor) sees exactly
 * what is missing.
 */
public final class StartGate {

    private StartGate() {
    }

    /** Unmet rules for moving to ACTIVE from {@code from} (AUTHORISED to start, PAUSED to resume) at {@code now}. */
    public static List<GateRule> unmet(StartFacts f, DeploymentStatus from, Instant now, Duration noticeLeadTime) {
        List<GateRule> unmet = new ArrayList<>();
        if (f.status() != from) {
            unmet.add(GateRule.NOT_AUTHORISED);
        }
        if (f.authorisedBy() == null || f.authorisedBy().equals(f.createdBy())) {
            unmet.add(GateRule.FOUR_EYES);
        }
        if (!insideWindow(f, now)) {
            unmet.add(GateRule.OUTSIDE_AUTHORISED_WINDOW);
        }
        if (f.dpiaReference() == null || f.dpiaReference().isBlank()) {
            unmet.add(GateRule.DPIA_MISSING);
        }
        Instant noticeDeadline = now.minus(noticeLeadTime);
        boolean noticed = f.noticesPublishedAt().stream().anyMatch(at -> !at.isAfter(noticeDeadline));
        if (!noticed && f.noticeExemptionReason() == null) {
            unmet.add(GateRule.COMMUNITY_NOTICE_LEAD_TIME);
        }
        if (f.cameras().isEmpty()) {
            unmet.add(GateRule.NO_CAMERAS);
        }
        if (!f.camerasWithSigns().containsAll(f.cameras())) {
            unmet.add(GateRule.SIGNAGE_NOT_PLACED);
        }
        unmet.addAll(f.watchlistUnmet());
        return unmet;
    }

    static boolean insideWindow(StartFacts f, Instant now) {
        return !now.isBefore(f.plannedStart()) && now.isBefore(f.plannedEnd());
    }
}
