package org.lfr.recognition.pipeline.match;

import java.util.UUID;

/** The closest watchlist entry to one probe face and their cosine similarity. */
public record WatchlistMatch(UUID watchlistEntryId, double similarity) {
}
