package org.lfr.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * What the recognition pipeline hands over when a tracked face matched a watchlist entry above the deployment's
 * threshold. The crop is the only image of a passer-by the service ever keeps. {@code idempotencyKey} names the
 * sighting (camera run, track, entry): however often its commit is retried, there is one alert.
 */
public record NewAlert(UUID deploymentId, UUID cameraId, UUID watchlistEntryId, double similarity,
        Instant occurredAt, byte[] crop, String cropContentType, String idempotencyKey) {

    public NewAlert(UUID deploymentId, UUID cameraId, UUID watchlistEntryId, double similarity, Instant occurredAt,
            byte[] crop, String cropContentType) {
        this(deploymentId, cameraId, watchlistEntryId, similarity, occurredAt, crop, cropContentType, null);
    }
}
