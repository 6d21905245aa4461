package org.lfr.recognition.runtime;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.alert.AlertRecorder;
import org.lfr.alert.NewAlert;
import org.lfr.common.Await;
import org.lfr.common.ConflictException;
import org.lfr.common.InvalidInputException;
import org.lfr.deployment.FaceCount;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.match.InMemoryWatchlistIndex;
import org.lfr.recognition.pipeline.match.WatchlistMatch;
import org.lfr.recognition.pipeline.track.AlertCandidate;
import org.lfr.watchlist.WatchlistEmbeddings;

/**
 * Where camera workers hand their results: matching against the frozen watchlist (an exact in-memory copy, or
 * pgvector), alerts, and the face count.
 */
@ApplicationScoped
class RecognitionSink implements CameraWorker.Sink {

    private static final Logger LOG = Logger.getLogger(RecognitionSink.class);

    private final RecognitionConfig config;
    private final WatchlistEmbeddings embeddings;
    private final AlertRecorder alerts;
    private final FaceCount faceCount;
    private final Clock clock;
    /** deployment + model → index of its frozen watchlist; dropped when the deployment stops running. */
    private final Map<String, InMemoryWatchlistIndex> indexes = new ConcurrentHashMap<>();

    RecognitionSink(RecognitionConfig config, WatchlistEmbeddings embeddings, AlertRecorder alerts,
            FaceCount faceCount, Clock clock) {
        this.config = config;
        this.embeddings = embeddings;
        this.alerts = alerts;
        this.faceCount = faceCount;
        this.clock = clock;
    }

    @Override
    public List<Optional<WatchlistMatch>> match(UUID deploymentId, String model, List<float[]> probes) {
        if (!config.inMemoryMatching()) {
            return Await.result(() -> embeddings.nearest(deploymentId, model, probes)).stream()
                    .map(n -> n.map(x -> new WatchlistMatch(x.entryId(), x.similarity()))).toList();
        }
        InMemoryWatchlistIndex index = indexes.computeIfAbsent(deploymentId + "|" + model, key -> {
            List<WatchlistEmbeddings.Enrolled> enrolled = Await.result(() -> embeddings.ofDeployment(deploymentId, model));
            return new InMemoryWatchlistIndex(enrolled.stream().map(WatchlistEmbeddings.Enrolled::entryId).toList(),
                    enrolled.stream().map(WatchlistEmbeddings.Enrolled::embedding).toList());
        });
        return probes.stream().map(index::nearest).toList();
    }

    @Override
    public void alert(UUID deploymentId, UUID cameraId, AlertCandidate alert) {
        try {
            Await.result(() -> alerts.raise(new NewAlert(deploymentId, cameraId, alert.watchlistEntryId(),
                    alert.similarity(), clock.instant(), alert.crop(), "image/jpeg")));
        } catch (ConflictException | InvalidInputException e) {
            LOG.warnf("alert not raised: %s", e.getMessage());
        }
    }

    @Override
    public void facesProcessed(UUID deploymentId, long faces) {
        Await.result(() -> faceCount.add(deploymentId, faces));
    }

    /** The deployment stopped running: its watchlist may be purged, so its index goes. */
    void forget(UUID deploymentId) {
        indexes.keySet().removeIf(key -> key.startsWith(deploymentId.toString()));
    }
}
