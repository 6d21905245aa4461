package org.lfr.recognition.pipeline.track;

import java.util.UUID;

/**
 * A track whose observations agreed on one entry often enough: alert once, with the best-quality sighting's
 * similarity and crop, and the time its frame was captured.
 */
public record AlertCandidate(int trackId, UUID watchlistEntryId, double similarity, byte[] crop, long capturedNanos) {
}
