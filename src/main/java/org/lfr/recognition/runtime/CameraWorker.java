package org.lfr.recognition.runtime;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jboss.logging.Logger;
import org.lfr.recognition.pipeline.FaceObservation;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.match.WatchlistMatch;
import org.lfr.recognition.pipeline.source.LatestFrameSlot;
import org.lfr.recognition.pipeline.source.StreamFrameSource;
import org.lfr.recognition.pipeline.track.AlertCandidate;
import org.lfr.recognition.pipeline.track.IouTracker;
import org.lfr.recognition.pipeline.track.TrackedFace;

/**
 * One camera of an active deployment: frames arrive (pulled from a stream or pushed) into a latest-frame slot; one
 * thread analyses them: detect/align/embed → match in pgvector → track → alert. Nothing about a face that does
 * not match is kept: its embedding and box live only in this loop, and no crop of it is ever encoded.
 */
public final class CameraWorker {

    private static final Logger LOG = Logger.getLogger(CameraWorker.class);

    /** What the worker needs from the service around it (database, alerts), kept small for testing. */
    public interface Sink {
        List<Optional<WatchlistMatch>> match(UUID deploymentId, String model, List<float[]> embeddings);

        void alert(UUID deploymentId, UUID cameraId, AlertCandidate alert);

        void facesProcessed(UUID deploymentId, long faces);
    }

    public record Camera(UUID deploymentId, UUID cameraId, String name, String streamUrl, double threshold) {
    }

    private final Camera camera;
    private final FacePipeline pipeline;
    private final Sink sink;
    private final CameraMetrics metrics;
    private final IouTracker tracker;
    private final LatestFrameSlot slot;
    private final StreamFrameSource source;
    private volatile boolean running = true;
    private Thread sourceThread;
    private Thread analysisThread;
    private long pendingFaces;

    CameraWorker(Camera camera, FacePipeline pipeline, Sink sink, CameraMetrics metrics, IouTracker tracker,
            boolean loopFiles) {
        this.camera = camera;
        this.pipeline = pipeline;
        this.sink = sink;
        this.metrics = metrics;
        this.tracker = tracker;
        this.slot = new LatestFrameSlot(metrics.dropped::increment);
        this.source = camera.streamUrl() == null ? null : new StreamFrameSource(camera.streamUrl(), camera.name(),
                new StreamFrameSource.Listener() {
                    @Override
                    public void frame(Mat bgr) {
                        push(bgr);
                    }

                    @Override
                    public void reconnect(String reason) {
                        metrics.reconnects.increment();
                    }
                }, Duration.ofMillis(500), Duration.ofSeconds(30), loopFiles);
    }

    public Camera camera() {
        return camera;
    }

    void start() {
        analysisThread = daemon("lfr-analyse-" + camera.name(), this::analyseLoop);
        if (source != null) {
            sourceThread = daemon("lfr-source-" + camera.name(), source);
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A frame from the stream or the push endpoint; the worker takes ownership. */
    public void push(Mat bgr) {
        metrics.received.increment();
        slot.offer(bgr);
    }

    void stop() {
        running = false;
        if (source != null) {
            source.stop();
        }
        if (analysisThread != null) {
            analysisThread.interrupt();
        }
    }

    /** Waits until the stream (a file) has been played and every frame analysed. For tests and demos. */
    public boolean awaitSourceEnd(Duration timeout) throws InterruptedException {
        if (sourceThread != null) {
            sourceThread.join(timeout.toMillis());
            if (sourceThread.isAlive()) {
                return false;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (busy && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return true;
    }

    private volatile boolean busy;

    private void analyseLoop() {
        while (running) {
            Mat frame;
            try {
                frame = slot.take(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (frame == null) {
                flushFaceCount();
                continue;
            }
            busy = true;
            try (frame) {
                analyse(frame);
            } catch (RuntimeException e) {
                // One bad frame must not stop the camera; the message names no face and holds no image.
                metrics.failed.increment();
                LOG.warnf("camera %s: frame skipped: %s", camera.name(), e.getClass().getSimpleName());
            } finally {
                busy = false;
            }
        }
        slot.clear();
        flushFaceCount();
    }

    private void analyse(Mat frame) {
        List<FaceObservation> faces = pipeline.analyse(frame);
        metrics.processed.increment();
        if (faces.isEmpty()) {
            tracker.update(List.of());
            return;
        }
        metrics.faces.increment(faces.size());
        pendingFaces += faces.size();
        List<float[]> embeddings = faces.stream().map(FaceObservation::embedding).toList();
        List<Optional<WatchlistMatch>> matches = sink.match(camera.deploymentId(), pipeline.embeddingName(),
                embeddings);
        List<TrackedFace> tracked = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            FaceObservation face = faces.get(i);
            Optional<WatchlistMatch> match = matches.get(i).filter(m -> m.similarity() >= camera.threshold());
            double quality = face.sharpness() * Math.min(face.box().width(), face.box().height());
            tracked.add(new TrackedFace(face.box(), match, quality, () -> crop(frame, face)));
        }
        for (AlertCandidate alert : tracker.update(tracked)) {
            sink.alert(camera.deploymentId(), camera.cameraId(), alert);
        }
        if (pendingFaces >= 200) {
            flushFaceCount();
        }
    }

    private byte[] crop(Mat frame, FaceObservation face) {
        try (Mat aligned = pipeline.alignedFace(frame, face.box()); BytePointer jpeg = new BytePointer()) {
            imencode(".jpg", aligned, jpeg);
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }

    private void flushFaceCount() {
        if (pendingFaces > 0) {
            long n = pendingFaces;
            pendingFaces = 0;
            try {
                sink.facesProcessed(camera.deploymentId(), n);
            } catch (RuntimeException e) {
                pendingFaces += n;
                LOG.warnf("camera %s: could not record the face count: %s", camera.name(), e.getMessage());
            }
        }
    }

}
