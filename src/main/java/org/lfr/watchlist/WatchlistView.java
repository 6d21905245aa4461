package org.lfr.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

@Type("Watchlist")
public record WatchlistView(@Id UUID deploymentId, String approvedBy, Instant approvedAt, Instant frozenAt,
        Instant purgedAt, int size, List<WatchlistEntryView> entries) {
}
