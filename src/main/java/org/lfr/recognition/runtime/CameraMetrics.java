package org.lfr.recognition.runtime;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Tracer;

/**
 * A camera's meters, exported to Prometheus, tagged by the camera's id (unique) with its name and deployment as
 * labels: frames received, analysed, decoded but not analysed, dropped (a newer frame came first), failed; stream
 * reconnects; new faces (tracks) and embeddings; the age of frames when analysed; frame-to-alert latency. Stage
 * timers are shared by all cameras.
 */
final class CameraMetrics {

    final Counter received;
    final Counter analysed;
    final Counter skipped;
    final Counter dropped;
    final Counter failed;
    final Counter reconnects;
    final Counter faces;
    final Counter embeddings;
    final Timer frameAge;
    final Timer alertLatency;
    /** Time per pipeline stage, over all cameras (tag {@code stage}): where a frame's time goes. */
    final Timer decode;
    final Timer detect;
    final Timer quality;
    final Timer embed;
    final Timer match;
    /** Traces of frames in which faces were embedded, and of their alerts (a no-op unless tracing is on). */
    final Tracer tracer;

    CameraMetrics(MeterRegistry registry, Tracer tracer, UUID deploymentId, UUID cameraId, String name) {
        this.tracer = tracer;
        Tags tags = tags(deploymentId, cameraId, name);
        received = registry.counter("lfr.frames.received", tags);
        analysed = registry.counter("lfr.frames.analysed", tags);
        skipped = registry.counter("lfr.frames.skipped", tags);
        dropped = registry.counter("lfr.frames.dropped", tags);
        failed = registry.counter("lfr.frames.failed", tags);
        reconnects = registry.counter("lfr.stream.reconnects", tags);
        faces = registry.counter("lfr.faces.seen", tags);
        embeddings = registry.counter("lfr.faces.embedded", tags);
        frameAge = histogram(registry, "lfr.frame.age", "how old a frame was when its analysis began", tags);
        alertLatency = histogram(registry, "lfr.alert.latency", "from a frame's capture to its alert's commit", tags);
        decode = stage(registry, "decode");
        detect = stage(registry, "detect");
        quality = stage(registry, "quality");
        embed = stage(registry, "embed");
        match = stage(registry, "match");
    }

    private static Timer stage(MeterRegistry registry, String stage) {
        return Timer.builder("lfr.stage").description("time of one pipeline stage for one frame (embed, match: for"
                + " all its faces that were embedded)").tag("stage", stage).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
    }

    static Tags tags(UUID deploymentId, UUID cameraId, String name) {
        return Tags.of("camera", cameraId.toString(), "camera_name", name, "deployment", deploymentId.toString());
    }

    private static Timer histogram(MeterRegistry registry, String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
