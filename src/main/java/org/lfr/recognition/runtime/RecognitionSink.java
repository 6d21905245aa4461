package org.lfr.recognition.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.alert.NewAlert;
import org.lfr.common.Await;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.match.InMemoryWatchlistIndex;
import org.lfr.recognition.pipeline.match.WatchlistMatch;
import org.lfr.recognition.pipeline.track.AlertCandidate;
import org.lfr.watchlist.WatchlistEmbeddings;

import io.opentelemetry.context.Context;

/**
 * Where camera workers hand their results: matching against the frozen watchlist (an exact in-memory copy, or
 * pgvector), alerts (to the {@link AlertOutbox}), and faces seen (to the {@link FaceCounter}).
 */
@ApplicationScoped
class RecognitionSink implements CameraWorker.Sink {

    private final RecognitionConfig config;
    private final WatchlistEmbeddings embeddings;
    private final AlertOutbox alerts;
    private final FaceCounter faces;
    private final Map<UUID, CameraMetrics> metrics = new ConcurrentHashMap<>();
    /** deployment + model → index of its frozen watchlist; dropped when the deployment stops running. */
    private final Map<String, InMemoryWatchlistIndex> indexes = new ConcurrentHashMap<>();

    RecognitionSink(RecognitionConfig config, WatchlistEmbeddings embeddings, AlertOutbox alerts, FaceCounter faces) {
        this.config = config;
        this.embeddings = embeddings;
        this.alerts = alerts;
        this.faces = faces;
    }

    @Override
    public List<List<WatchlistMatch>> match(UUID deploymentId, String model, List<float[]> probes, int k) {
        if (!config.inMemoryMatching()) {
            return Await.result(() -> embeddings.nearest(deploymentId, model, probes, k)).stream()
                    .map(n -> n.stream().map(x -> new WatchlistMatch(x.entryId(), x.similarity())).toList()).toList();
        }
        InMemoryWatchlistIndex index = indexes.computeIfAbsent(deploymentId + "|" + model, key -> {
            List<WatchlistEmbeddings.Enrolled> enrolled = Await.result(() -> embeddings.ofDeployment(deploymentId, model));
            return new InMemoryWatchlistIndex(enrolled.stream().map(WatchlistEmbeddings.Enrolled::entryId).toList(),
                    enrolled.stream().map(WatchlistEmbeddings.Enrolled::embedding).toList());
        });
        return probes.stream().map(p -> index.nearest(p, k)).toList();
    }

    @Override
    public void alert(CameraWorker.Camera camera, AlertCandidate alert, Instant capturedAt, String runId,
            Context trace) {
        CameraMetrics m = metrics.get(camera.cameraId());
        alerts.offer(new NewAlert(camera.deploymentId(), camera.cameraId(), alert.watchlistEntryId(),
                alert.similarity(), capturedAt, alert.crop(), "image/jpeg",
                AlertOutbox.key(camera.cameraId(), runId, alert.trackId(), alert.watchlistEntryId())),
                alert.capturedNanos(), m.alertLatency, trace);
    }

    @Override
    public void newFaces(UUID deploymentId, int n) {
        faces.add(deploymentId, n);
    }

    void register(UUID cameraId, CameraMetrics m) {
        metrics.put(cameraId, m);
    }

    /** The deployment stopped running: its watchlist may be purged, so its index goes. */
    void forget(UUID deploymentId) {
        indexes.keySet().removeIf(key -> key.startsWith(deploymentId.toString()));
    }
}
