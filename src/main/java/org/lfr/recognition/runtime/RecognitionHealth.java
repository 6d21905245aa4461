package org.lfr.recognition.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.lfr.recognition.pipeline.FacePipeline;

/**
 * Readiness of the recognition runtime: the models loaded (the pipeline's embedding name), each camera running here
 * with the age of its last frame — a stalled camera is reported, not a reason to take the pod out of service — and
 * the alert path: alerts held for the database, dropped so far. Down only when alerts are being dropped now (the
 * buffer is full).
 */
@Readiness
@ApplicationScoped
class RecognitionHealth implements HealthCheck {

    private final FacePipeline pipeline;
    private final CameraSupervisor cameras;
    private final AlertOutbox alerts;
    private final RuntimeConfig config;
    private final Clock clock;

    RecognitionHealth(FacePipeline pipeline, CameraSupervisor cameras, AlertOutbox alerts, RuntimeConfig config,
            Clock clock) {
        this.pipeline = pipeline;
        this.cameras = cameras;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("recognition").withData("models", pipeline.embeddingName());
        Instant now = clock.instant();
        int stalled = 0;
        for (var entry : cameras.workers().entrySet()) {
            CameraWorker.Status s = entry.getValue().status();
            boolean isStalled = "RUNNING".equals(s.state()) && s.lastFrameAt() != null
                    && Duration.between(s.lastFrameAt(), now).compareTo(config.stalledAfter()) > 0;
            stalled += isStalled ? 1 : 0;
            r.withData("camera " + entry.getKey(), (isStalled ? "STALLED" : s.state()) + (s.lastFrameAt() == null ? ""
                    : ", last frame " + Duration.between(s.lastFrameAt(), now).toSeconds() + " s ago"));
        }
        cameras.failures().forEach((camera, why) -> r.withData("camera " + camera, "FAILED: " + why));
        r.withData("cameras", cameras.workers().size()).withData("stalledCameras", stalled)
                .withData("failedCameras", cameras.failures().size());
        int pending = alerts.pending();
        r.withData("alertsHeld", pending).withData("alertsDropped", (long) alerts.droppedSoFar());
        if (alerts.outageSince() != null) {
            r.withData("alertsHeldSince", alerts.outageSince().toString());
        }
        return r.status(pending < alerts.capacity()).build();
    }
}
