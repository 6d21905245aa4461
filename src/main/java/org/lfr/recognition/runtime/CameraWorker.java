package org.lfr.recognition.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jboss.logging.Logger;
import org.lfr.deployment.CameraUrlPolicy;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.match.WatchlistMatch;
import org.lfr.recognition.pipeline.source.LatestFrameSlot;
import org.lfr.recognition.pipeline.source.StreamFrameSource;
import org.lfr.recognition.pipeline.track.AlertCandidate;
import org.lfr.recognition.pipeline.track.FaceTracker;

import io.opentelemetry.context.Context;

/**
 * One camera of an active deployment. Frames arrive (pulled from a stream, or pushed) into a latest-frame slot; at
 * most {@code analysisFps} times a second the shared {@link AnalysisPool} takes the newest: detect, track, embed the
 * faces the tracker asks for, match, alert. Nothing about a face that does not match is kept: its embedding and box
 * live only in this analysis and its track, which is forgotten once the face is gone; no crop of it is ever encoded.
 */
public final class CameraWorker {

    private static final Logger LOG = Logger.getLogger(CameraWorker.class);

    /** What the worker needs from the service around it (matching, alerts, face counts), kept small for testing. */
    interface Sink {
        /** Per embedding, in order, its {@code k} nearest entries of the watchlist, nearest first. */
        List<List<WatchlistMatch>> match(UUID deploymentId, String model, List<float[]> embeddings, int k);

        /** {@code trace}: the context of the frame's span, which the alert's commit continues. */
        void alert(Camera camera, AlertCandidate alert, Instant capturedAt, String runId, Context trace);

        void newFaces(UUID deploymentId, int faces);
    }

    /** {@code stream} null: a push camera. */
    record Camera(UUID deploymentId, UUID cameraId, String name, CameraUrlPolicy.StreamTarget stream,
            double threshold) {
    }

    /** What the camera tiles show: state, analysed frames/s, drops, reconnects, when the last frame came. */
    public record Status(String state, double analysedFps, long dropped, long reconnects, Instant lastFrameAt) {
    }

    private final Camera camera;
    private final CameraMetrics metrics;
    private final CameraAnalysis analysis;
    private final AnalysisPool pool;
    private final Clock clock;
    private final long minIntervalNanos;
    private final AnalysisPacer pacer;
    private final LatestFrameSlot<Frame> slot;
    private final StreamFrameSource source;
    /** Distinguishes this run of the camera in alert idempotency keys: track ids restart with every run. */
    private final String runId = UUID.randomUUID().toString();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile boolean busy;
    private volatile long lastAnalysisNanos = Long.MIN_VALUE / 2;
    private volatile Instant lastFrameAt;
    private volatile double fps;
    private Thread sourceThread;

    CameraWorker(Camera camera, FacePipeline pipeline, Sink sink, CameraMetrics metrics, FaceTracker tracker,
            AnalysisPool pool, Clock clock, double analysisFps, StreamSettings streams) {
        this.camera = camera;
        this.metrics = metrics;
        this.analysis = new CameraAnalysis(camera, pipeline, sink, metrics, tracker, runId);
        this.pool = pool;
        this.clock = clock;
        this.pacer = new AnalysisPacer(analysisFps);
        this.minIntervalNanos = pacer.intervalNanos();
        this.slot = new LatestFrameSlot<>(metrics.dropped::increment);
        this.source = camera.stream() == null ? null : new StreamFrameSource(new StreamFrameSource.Options(
                camera.stream().withCredentials(), streams.protocols(), streams.check(), Duration.ofMillis(500),
                Duration.ofSeconds(30), streams.loopFiles(), streams.loopRest()), new SourceListener());
    }

    /** How streams are opened: FFmpeg's protocol whitelist, the host check before each open, file looping. */
    record StreamSettings(String protocols, Consumer<String> check, boolean loopFiles, Duration loopRest) {
    }

    Camera camera() {
        return camera;
    }

    void start() {
        if (source != null) {
            sourceThread = new Thread(source, "lfr-source-" + camera.cameraId());
            sourceThread.setDaemon(true);
            sourceThread.start();
        }
    }

    /** A pushed frame (still encoded); the worker owns it. */
    void push(byte[] encoded) {
        offer(Frame.encoded(encoded, System.nanoTime(), clock.instant()));
    }

    /** A frame whose decoding fails in the worker's hands, for tests: the camera must go on. */
    void pushForTest(Mat bgr) {
        offer(Frame.decoded(bgr, System.nanoTime(), clock.instant()));
    }

    private void offer(Frame frame) {
        if (!running) {
            frame.close();
            return;
        }
        metrics.received.increment();
        lastFrameAt = frame.capturedAt;
        slot.offer(frame);
        schedule();
    }

    /**
     * Runs the next analysis on the pool, no sooner than the analysis rate allows. A stream is paced where its frames
     * are converted ({@link SourceListener#wantsFrame}), so its frame is analysed at once rather than aging here;
     * pushed frames are paced here.
     */
    private void schedule() {
        if (running && !slot.isEmpty() && scheduled.compareAndSet(false, true)) {
            pool.run(this::analyseNext, source != null ? 0 : lastAnalysisNanos + minIntervalNanos - System.nanoTime());
        }
    }

    private void analyseNext() {
        Frame frame = slot.take();
        try {
            if (frame != null && running) {
                busy = true;
                long started = System.nanoTime();
                updateFps(started);
                lastAnalysisNanos = started;
                try (frame) {
                    analysis.analyse(frame);
                } catch (RuntimeException e) {
                    // One bad frame must not stop the camera; the message names no face and holds no image.
                    metrics.failed.increment();
                    LOG.warnf("camera %s: frame skipped: %s", camera.name(), e.getClass().getSimpleName());
                }
            } else if (frame != null) {
                frame.close();
            }
        } finally {
            busy = false;
            scheduled.set(false);
            schedule();
        }
    }

    /** Forgets the tracks of faces that are gone, even when no frame comes (called by the supervisor's timer). */
    void forgetUnseen() {
        analysis.forgetUnseen();
    }

    int activeTracks() {
        return analysis.activeTracks();
    }

    void stop() {
        running = false;
        if (source != null) {
            source.stop();
        }
        slot.clear();
    }

    public Status status() {
        String state = !running ? "STOPPED" : lastFrameAt == null ? "WAITING" : "RUNNING";
        return new Status(state, fps, (long) metrics.dropped.count(), (long) metrics.reconnects.count(), lastFrameAt);
    }

    /** Waits until the stream (a file) has been played and every frame analysed. For tests and the benchmark. */
    public boolean awaitSourceEnd(Duration timeout) throws InterruptedException {
        if (sourceThread != null) {
            sourceThread.join(timeout.toMillis());
            if (sourceThread.isAlive()) {
                return false;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((busy || scheduled.get() || !slot.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return true;
    }

    /** Analysed frames per second, smoothed over about two seconds. */
    private void updateFps(long now) {
        double interval = (now - lastAnalysisNanos) / 1e9;
        if (interval > 0 && interval < 10) {
            double instant = 1 / interval;
            fps = fps == 0 ? instant : fps + (instant - fps) * Math.min(1, interval / 2);
        }
    }

    private final class SourceListener implements StreamFrameSource.Listener {
        @Override
        public boolean wantsFrame(long nowNanos) {
            return pacer.due(nowNanos);
        }

        @Override
        public void frame(Mat bgr, long capturedNanos) {
            offer(Frame.decoded(bgr, capturedNanos, clock.instant()));
        }

        @Override
        public void skipped() {
            metrics.received.increment();
            metrics.skipped.increment();
        }

        @Override
        public void reconnect(String reason) {
            metrics.reconnects.increment();
            LOG.warnf("camera %s: stream failed or ended (%s); reconnecting", camera.name(), reason);
        }
    }
}
