package org.lfr.recognition.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Per-camera counters exported to Prometheus: frames in, frames analysed, frames dropped, frames that failed analysis, reconnects, faces. */
public final class CameraMetrics {

    final Counter received;
    final Counter processed;
    final Counter dropped;
    final Counter reconnects;
    final Counter faces;
    final Counter failed;

    CameraMetrics(MeterRegistry registry, String camera) {
        received = registry.counter("lfr.frames.received", "camera", camera);
        processed = registry.counter("lfr.frames.processed", "camera", camera);
        dropped = registry.counter("lfr.frames.dropped", "camera", camera);
        reconnects = registry.counter("lfr.stream.reconnects", "camera", camera);
        faces = registry.counter("lfr.faces.processed", "camera", camera);
        failed = registry.counter("lfr.frames.failed", "camera", camera);
    }
}
