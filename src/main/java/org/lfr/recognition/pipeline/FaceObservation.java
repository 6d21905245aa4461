package org.lfr.recognition.pipeline;

import org.lfr.recognition.pipeline.detect.FaceBox;

/**
 * One face seen in one frame: where, how sharp, and its embedding. Lives only in memory while the frame is
 * processed; nothing of it is persisted or logged unless it alerts.
 */
public record FaceObservation(FaceBox box, float[] embedding, double sharpness) {
}
