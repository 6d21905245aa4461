package org.lfr.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Everything the start gate looks at, gathered before it decides (so the decision itself is plain Java). */
public record StartFacts(DeploymentStatus status, String createdBy, String authorisedBy, Instant plannedStart,
        Instant plannedEnd, String dpiaReference, String noticeExemptionReason, List<Instant> noticesPublishedAt,
        Set<UUID> cameras, Set<UUID> camerasWithSigns, List<GateRule> watchlistUnmet) {
}
