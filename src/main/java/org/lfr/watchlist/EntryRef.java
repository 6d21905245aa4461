package org.lfr.watchlist;

import java.util.UUID;

/** A watchlist entry as other features see it: whose, who (by reference), and on what ground. */
public record EntryRef(UUID id, UUID deploymentId, String subjectReference, WatchlistCategory category) {
}
