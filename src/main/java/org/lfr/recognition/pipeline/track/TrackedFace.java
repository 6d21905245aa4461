package org.lfr.recognition.pipeline.track;

import java.util.Optional;
import java.util.function.Supplier;

import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.match.WatchlistMatch;

/**
 * One face of a frame as the tracker sees it: where, its match if above the deployment's threshold, its quality,
 * and how to cut its crop — called only for a matching face that is the best sighting so far, so no image of a
 * non-matching face is ever made.
 */
public record TrackedFace(FaceBox box, Optional<WatchlistMatch> match, double quality, Supplier<byte[]> crop) {
}
