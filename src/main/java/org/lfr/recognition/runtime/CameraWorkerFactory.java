package org.lfr.recognition.runtime;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.deployment.CameraUrlPolicy;
import org.lfr.deployment.RunningDeployment;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.track.FaceTracker;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;

/** Builds a camera's worker from the configuration: its tracker, its metrics, its stream settings. */
@ApplicationScoped
class CameraWorkerFactory {

    private final FacePipeline pipeline;
    private final RecognitionConfig config;
    private final RuntimeConfig runtime;
    private final RecognitionSink sink;
    private final MeterRegistry registry;
    private final AnalysisPool pool;
    private final CameraUrlPolicy urls;
    private final Clock clock;
    private final Tracer tracer;

    CameraWorkerFactory(FacePipeline pipeline, RecognitionConfig config, RuntimeConfig runtime, RecognitionSink sink,
            MeterRegistry registry, AnalysisPool pool, CameraUrlPolicy urls, Clock clock, Tracer tracer) {
        this.tracer = tracer;
        this.pipeline = pipeline;
        this.config = config;
        this.runtime = runtime;
        this.sink = sink;
        this.registry = registry;
        this.pool = pool;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * A worker, not yet started, whose alerts and counts go to the sink. A stream whose host the camera policy now
     * refuses (the policy changed since the camera was added) is not created: the camera says why.
     */
    CameraWorker create(RunningDeployment d, RunningDeployment.Camera c) {
        if (c.stream() != null) {
            urls.checkHostNow(c.stream().url());
        }
        CameraMetrics metrics = new CameraMetrics(registry, tracer, d.id(), c.id(), c.name());
        sink.register(c.id(), metrics);
        var tracking = config.tracking();
        var tracker = new FaceTracker(new FaceTracker.Settings(tracking.minAgreeingFrames(), tracking.iouMatch(),
                tracking.maxUnseen(), tracking.reembedInterval(), tracking.betterQuality(), tracking.undecidedMargin()),
                d.matchThreshold());
        return new CameraWorker(new CameraWorker.Camera(d.id(), c.id(), c.name(), c.stream(), d.matchThreshold()),
                pipeline, sink, metrics, tracker, pool, clock, runtime.analysisFps(),
                new CameraWorker.StreamSettings(urls.ffmpegProtocols(), urls::checkHostNow, config.loopFiles(),
                        config.loopRest()));
    }
}
