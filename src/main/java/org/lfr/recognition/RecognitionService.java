package org.lfr.recognition;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jboss.logging.Logger;
import org.lfr.common.Await;
import org.lfr.alert.AlertService;
import org.lfr.alert.NewAlert;
import org.lfr.common.ConflictException;
import org.lfr.common.InvalidInputException;
import org.lfr.deployment.DeploymentEvents;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.deployment.DeploymentView;
import org.lfr.recognition.image.ImageDecoder;
import org.lfr.recognition.match.InMemoryWatchlistIndex;
import org.lfr.recognition.match.WatchlistMatch;
import org.lfr.recognition.match.WatchlistMatcher;
import org.lfr.recognition.track.AlertCandidate;
import org.lfr.recognition.track.IouTracker;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs a {@link CameraWorker} for every camera of every ACTIVE deployment and none otherwise: matching starts when a
 * deployment starts and stops the moment it is paused, closed or suspended.
 */
@ApplicationScoped
public class RecognitionService implements CameraWorker.Sink {

    private static final Logger LOG = Logger.getLogger(RecognitionService.class);

    @Inject
    Provider<FacePipeline> pipeline;
    @Inject
    RecognitionConfig config;
    @Inject
    DeploymentService deployments;
    @Inject
    DeploymentEvents events;
    @Inject
    WatchlistMatcher matcher;
    @Inject
    AlertService alerts;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;
    @Inject
    CameraClaims claims;

    private final Map<UUID, CameraWorker> workers = new ConcurrentHashMap<>();
    private final Map<UUID, CameraClaims.Claim> claimed = new ConcurrentHashMap<>();
    /** Push cameras of ACTIVE deployments: their worker starts on the first frame this replica receives. */
    private final Map<UUID, CameraWorker.Camera> pushable = new ConcurrentHashMap<>();
    /** deployment + model → index of its frozen watchlist; dropped when the deployment stops running. */
    private final Map<String, InMemoryWatchlistIndex> indexes = new ConcurrentHashMap<>();
    /** ACTIVE deployments whose watchlist enrolment was checked against the running model. */
    private final java.util.Set<UUID> checked = ConcurrentHashMap.newKeySet();
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lfr-recognition-control");
        t.setDaemon(true);
        return t;
    });

    void onStart(@Observes StartupEvent event) {
        events.stream().subscribe().with(view -> control.execute(() -> apply(view)));
        control.execute(this::reconcile);
    }

    @PreDestroy
    void shutdown() {
        workers.values().forEach(CameraWorker::stop);
        workers.clear();
        claimed.values().forEach(CameraClaims.Claim::close);
        claimed.clear();
        control.shutdownNow();
    }

    /** Safety net for missed events (and other replicas' changes): align workers with the database. */
    @Scheduled(identity = "recognition-reconcile", every = "10s", delayed = "10s")
    void reconcile() {
        try {
            List<DeploymentView> active = Await.result(() -> deployments.list(DeploymentStatus.ACTIVE));
            active.forEach(this::apply);
            workers.values().stream().map(w -> w.camera().deploymentId()).distinct()
                    .filter(id -> active.stream().noneMatch(d -> d.id().equals(id)))
                    .toList().forEach(this::stopDeployment);
        } catch (RuntimeException e) {
            LOG.warnf("recognition reconcile failed: %s", e.getMessage());
        }
    }

    void apply(DeploymentView d) {
        if (d.status() != DeploymentStatus.ACTIVE) {
            stopDeployment(d.id());
            return;
        }
        if (checked.add(d.id())) {
            warnIfUnmatchable(d);
        }
        for (var c : d.cameras()) {
            CameraWorker.Camera camera = new CameraWorker.Camera(d.id(), c.id(), c.name(), c.streamUrl(),
                    d.matchThreshold());
            if (c.pushMode()) {
                pushable.put(c.id(), camera);
            } else {
                startIfClaimed(camera, d.reference());
            }
        }
    }

    /** Starts the camera's worker here unless it runs here already or another replica holds the camera. */
    private CameraWorker startIfClaimed(CameraWorker.Camera camera, String reference) {
        return workers.computeIfAbsent(camera.cameraId(), id -> {
            var claim = claims.tryClaim(id);
            if (claim.isEmpty()) {
                return null;
            }
            claimed.put(id, claim.get());
            CameraWorker worker = new CameraWorker(camera, pipeline.get(), this, new CameraMetrics(registry,
                    camera.name()), new IouTracker(config.tracking().minAgreeingFrames(), config.tracking().iouMatch(),
                            config.tracking().maxMissedFrames()), config.loopFiles());
            worker.start();
            LOG.infof("deployment %s: camera %s analysing on this replica (%s)", reference, camera.name(),
                    camera.streamUrl() == null ? "push" : "stream");
            return worker;
        });
    }

    /**
     * A watchlist enrolled under other models (the models or their settings changed since) would silently match
     * nobody: say so loudly, once per run of the deployment.
     */
    private void warnIfUnmatchable(DeploymentView d) {
        String model = pipeline.get().embeddingName();
        try {
            long unmatchable = Await.result(() -> matcher.unmatchableEntries(d.id(), model));
            if (unmatchable > 0) {
                LOG.errorf("deployment %s: %d watchlist entries have no embedding from the running model %s and"
                        + " cannot be matched; re-enrol their images (the models or their settings changed)",
                        d.reference(), unmatchable, model);
            }
        } catch (RuntimeException e) {
            LOG.warnf("deployment %s: watchlist enrolment check failed: %s", d.reference(), e.getMessage());
        }
    }

    private void stopDeployment(UUID deploymentId) {
        checked.remove(deploymentId);
        indexes.keySet().removeIf(key -> key.startsWith(deploymentId.toString()));
        pushable.values().removeIf(c -> c.deploymentId().equals(deploymentId));
        workers.values().removeIf(w -> {
            if (w.camera().deploymentId().equals(deploymentId)) {
                w.stop();
                CameraClaims.Claim claim = claimed.remove(w.camera().cameraId());
                if (claim != null) {
                    claim.close();
                }
                LOG.infof("camera %s stopped", w.camera().name());
                return true;
            }
            return false;
        });
    }

    /** A JPEG/PNG frame pushed by an edge camera. */
    public void push(UUID cameraId, byte[] image) {
        CameraWorker worker = workers.get(cameraId);
        if (worker == null) {
            CameraWorker.Camera camera = pushable.get(cameraId);
            if (camera == null) {
                camera = activePushCamera(cameraId);
            }
            if (camera == null) {
                throw new ConflictException("camera " + cameraId + " is not part of an ACTIVE deployment");
            }
            worker = startIfClaimed(camera, camera.deploymentId().toString());
            if (worker == null) {
                throw new ConflictException("camera " + cameraId + " is analysed by another replica: send its frames"
                        + " to one replica (session affinity)");
            }
        }
        Mat frame = ImageDecoder.decodeBgr(image);
        if (frame == null) {
            throw new InvalidInputException("frame: not a decodable JPEG or PNG image");
        }
        worker.push(frame);
    }

    /**
     * A push camera this replica has not heard of yet: its deployment may have started a moment ago (the start event
     * is applied asynchronously) or on another replica (seen here only at the next reconcile), so ask the database.
     */
    private CameraWorker.Camera activePushCamera(UUID cameraId) {
        DeploymentView d = Await.result(() -> deployments.ofCamera(cameraId));
        if (d == null || d.status() != DeploymentStatus.ACTIVE) {
            return null;
        }
        return d.cameras().stream().filter(c -> c.id().equals(cameraId) && c.pushMode()).findFirst()
                .map(c -> new CameraWorker.Camera(d.id(), c.id(), c.name(), null, d.matchThreshold()))
                .orElse(null);
    }

    public Optional<CameraWorker> worker(UUID cameraId) {
        return Optional.ofNullable(workers.get(cameraId));
    }

    // ------------------------------------------------------------------ CameraWorker.Sink

    @Override
    public List<Optional<WatchlistMatch>> match(UUID deploymentId, String model, List<float[]> embeddings) {
        if (!config.inMemoryMatching()) {
            return Await.result(() -> matcher.nearest(deploymentId, model, embeddings));
        }
        InMemoryWatchlistIndex index = indexes.computeIfAbsent(deploymentId + "|" + model,
                key -> Await.result(() -> matcher.loadIndex(deploymentId, model)));
        return embeddings.stream().map(index::nearest).toList();
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
        Await.result(() -> deployments.recordFacesProcessed(deploymentId, faces));
    }

}
