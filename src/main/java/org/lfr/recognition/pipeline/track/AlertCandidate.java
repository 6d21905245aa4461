package org.lfr.recognition.pipeline.track;

import java.util.UUID;

/** A track that agreed on one entry over enough frames: alert once, with its best-quality crop. */
public record AlertCandidate(int trackId, UUID watchlistEntryId, double similarity, byte[] crop) {
}
