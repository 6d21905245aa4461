package org.lfr.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What retention asks of the watchlist feature (which implements it): whose biometrics are due for purging, and the
 * purge itself — in the caller's transaction, so that the purge, its log and its audit event commit together.
 */
public interface WatchlistPurge {

    /** A finished deployment whose watchlist's images and embeddings are not yet purged. */
    record Due(UUID deploymentId, String reference, Instant endedAt) {
    }

    record Purged(int enrolmentImages, int embeddings) {
    }

    Uni<List<Due>> due();

    Uni<Purged> purge(UUID deploymentId, Instant at);
}
