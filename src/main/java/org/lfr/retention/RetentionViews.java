package org.lfr.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What the DPO sees of retention: what is due, what is held, what was purged. */
public final class RetentionViews {

    private RetentionViews() {
    }

    @Type("RetentionRun")
    public record Run(int watchlistsPurged, int enrolmentImagesPurged, int embeddingsPurged, int alertsDeleted) {
    }

    @Type("WatchlistPurgeDue")
    public record WatchlistDue(@Id UUID deploymentId, String reference, Instant endedAt, Instant deadline,
            boolean overdue) {
    }

    @Type("PurgeRecord")
    public record Purge(@Id @NonNull UUID id, String kind, @Id UUID deploymentId, int items, Instant purgedAt, String triggeredBy) {
    }

    @Type("RetentionStatus")
    public record Status(Instant asOf, List<WatchlistDue> watchlistsAwaitingPurge, long alertsDueForDeletion,
            long alertsOnLegalHold, long alertsRetained, List<Purge> recentPurges) {
    }
}
