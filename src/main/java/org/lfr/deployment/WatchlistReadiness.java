package org.lfr.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What the deployment lifecycle asks of its watchlist, implemented by the watchlist feature (which depends on this
 * one, never the other way). Each method runs in the caller's session and transaction.
 */
public interface WatchlistReadiness {

    /** A new deployment's empty watchlist. */
    Uni<Void> open(UUID deploymentId);

    /** Rules the watchlist breaks for the deployment to be authorised (approval, size, overrides). */
    Uni<List<GateRule>> unmetForAuthorisation(UUID deploymentId);

    /** Rules the watchlist breaks for the deployment to start or resume (frozen, size). */
    Uni<List<GateRule>> unmetForStart(UUID deploymentId);

    /**
     * The entries the look-alike check flags at {@code threshold} (entry, subject, rate, multiple), for the audit
     * record of a threshold change: a lower threshold can flag entries the approving supervisor was not shown.
     */
    Uni<List<Map<String, Object>>> lookalikesFlaggedAt(UUID deploymentId, double threshold);

    /** Authorisation freezes the approved list: no entry or image changes after this. */
    Uni<Void> freeze(UUID deploymentId, Instant at);
}
