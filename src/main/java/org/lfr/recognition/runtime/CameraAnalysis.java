package org.lfr.recognition.runtime;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.pipeline.FaceObservation;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.match.WatchlistMatch;
import org.lfr.recognition.pipeline.track.AlertCandidate;
import org.lfr.recognition.pipeline.track.FaceTracker;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * One frame of one camera, analysed: detect every face, follow it with the camera's tracker, embed only the faces the
 * tracker asks for, match them against the watchlist, and hand on the alerts the tracker completes. Plain stages of
 * the pipeline; the camera's worker decides when.
 */
final class CameraAnalysis {

    private final CameraWorker.Camera camera;
    private final FacePipeline pipeline;
    private final CameraWorker.Sink sink;
    private final CameraMetrics metrics;
    private final FaceTracker tracker;
    private final String runId;

    CameraAnalysis(CameraWorker.Camera camera, FacePipeline pipeline, CameraWorker.Sink sink, CameraMetrics metrics,
            FaceTracker tracker, String runId) {
        this.camera = camera;
        this.pipeline = pipeline;
        this.sink = sink;
        this.metrics = metrics;
        this.tracker = tracker;
        this.runId = runId;
    }

    void analyse(Frame f) {
        Mat frame = metrics.decode.record(f::pixels);
        metrics.analysed.increment();
        metrics.frameAge.record(System.nanoTime() - f.capturedNanos, TimeUnit.NANOSECONDS);
        List<FaceBox> boxes = metrics.detect.record(() -> pipeline.detect(frame));
        double[] qualities = new double[boxes.size()];
        metrics.quality.record(() -> {
            for (int i = 0; i < boxes.size(); i++) {
                qualities[i] = pipeline.quality(frame, boxes.get(i));
            }
        });
        FaceTracker.Frame seen = tracker.see(boxes, qualities, f.capturedNanos);
        if (seen.newTracks() > 0) {
            metrics.faces.increment(seen.newTracks());
            sink.newFaces(camera.deploymentId(), seen.newTracks());
        }
        List<FaceTracker.Sighting> toEmbed = seen.sightings().stream().filter(FaceTracker.Sighting::embed).toList();
        if (toEmbed.isEmpty()) {
            return;
        }
        // A trace for each frame whose faces are embedded: from its capture through the stages to its alerts' commits
        Span span = metrics.tracer.spanBuilder("analyse frame").setStartTimestamp(f.capturedAt)
                .setAttribute("lfr.camera", camera.cameraId().toString())
                .setAttribute("lfr.deployment", camera.deploymentId().toString())
                .setAttribute("lfr.faces", boxes.size()).setAttribute("lfr.faces.embedded", toEmbed.size())
                .startSpan();
        try {
            span.addEvent("detected");
            List<FaceObservation> observations = new ArrayList<>(toEmbed.size());
            metrics.embed.record(() -> toEmbed.forEach(s -> observations.add(pipeline.describe(frame, s.box()))));
            metrics.embeddings.increment(observations.size());
            span.addEvent("embedded");
            List<List<WatchlistMatch>> matches = metrics.match.record(() -> sink.match(camera.deploymentId(),
                    pipeline.embeddingName(), observations.stream().map(FaceObservation::embedding).toList(),
                    FaceTracker.NEAREST));
            span.addEvent("matched");
            Context trace = Context.current().with(span);
            for (int i = 0; i < toEmbed.size(); i++) {
                FaceTracker.Sighting s = toEmbed.get(i);
                for (AlertCandidate alert : tracker.observe(s, matches.get(i), () -> crop(frame, s.box()))) {
                    span.addEvent("alert raised");
                    sink.alert(camera, alert, f.capturedAt, runId, trace);
                }
            }
        } finally {
            span.end();
        }
    }

    void forgetUnseen() {
        tracker.forgetUnseen(System.nanoTime());
    }

    int activeTracks() {
        return tracker.activeTracks();
    }

    private byte[] crop(Mat frame, FaceBox box) {
        try (Mat aligned = pipeline.alignedFace(frame, box); BytePointer jpeg = new BytePointer()) {
            imencode(".jpg", aligned, jpeg);
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }
}
