package org.lfr.recognition.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.common.Await;
import org.lfr.deployment.DeploymentEvents;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.RunningDeployment;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.track.IouTracker;
import org.lfr.watchlist.WatchlistEmbeddings;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs a {@link CameraWorker} for every camera of every ACTIVE deployment and none otherwise: matching starts when a
 * deployment starts and stops the moment it is paused, closed or suspended. Stream cameras are claimed (one replica
 * each, {@link CameraClaims}) at reconcile; push cameras when this replica receives their first frame.
 */
@ApplicationScoped
public class CameraSupervisor {

    private static final Logger LOG = Logger.getLogger(CameraSupervisor.class);

    private final FacePipeline pipeline;
    private final RecognitionConfig config;
    private final DeploymentQueries deployments;
    private final DeploymentEvents events;
    private final WatchlistEmbeddings embeddings;
    private final RecognitionSink sink;
    private final MeterRegistry registry;
    private final CameraClaims claims;

    private final Map<UUID, CameraWorker> workers = new ConcurrentHashMap<>();
    private final Map<UUID, CameraClaims.Claim> claimed = new ConcurrentHashMap<>();
    /** Push cameras of ACTIVE deployments: their worker starts on the first frame this replica receives. */
    private final Map<UUID, CameraWorker.Camera> pushable = new ConcurrentHashMap<>();
    /** ACTIVE deployments whose watchlist enrolment was checked against the running model. */
    private final Set<UUID> checked = ConcurrentHashMap.newKeySet();
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lfr-recognition-control");
        t.setDaemon(true);
        return t;
    });

    CameraSupervisor(FacePipeline pipeline, RecognitionConfig config, DeploymentQueries deployments,
            DeploymentEvents events, WatchlistEmbeddings embeddings, RecognitionSink sink, MeterRegistry registry,
            CameraClaims claims) {
        this.pipeline = pipeline;
        this.config = config;
        this.deployments = deployments;
        this.events = events;
        this.embeddings = embeddings;
        this.sink = sink;
        this.registry = registry;
        this.claims = claims;
    }

    void onStart(@Observes StartupEvent event) {
        events.stream().subscribe().with(view -> control.execute(() -> RunningDeployment.ifActive(view)
                .ifPresentOrElse(this::apply, () -> stopDeployment(view.id()))));
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
            List<RunningDeployment> active = Await.result(deployments::running);
            active.forEach(this::apply);
            workers.values().stream().map(w -> w.camera().deploymentId()).distinct()
                    .filter(id -> active.stream().noneMatch(d -> d.id().equals(id)))
                    .toList().forEach(this::stopDeployment);
        } catch (RuntimeException e) {
            LOG.warnf("recognition reconcile failed: %s", e.getMessage());
        }
    }

    /** The worker analysing a camera here, if any. */
    public Optional<CameraWorker> worker(UUID cameraId) {
        return Optional.ofNullable(workers.get(cameraId));
    }

    /**
     * The worker for a push camera's frame, started here on its first frame; empty when the camera is in no ACTIVE
     * deployment. A camera analysed by another replica fails with {@link ClaimedElsewhere}.
     */
    Optional<CameraWorker> pushTarget(UUID cameraId) {
        CameraWorker worker = workers.get(cameraId);
        if (worker != null) {
            return Optional.of(worker);
        }
        CameraWorker.Camera camera = pushable.get(cameraId);
        if (camera == null) {
            camera = activePushCamera(cameraId).orElse(null);
        }
        if (camera == null) {
            return Optional.empty();
        }
        worker = startIfClaimed(camera, camera.deploymentId().toString());
        if (worker == null) {
            throw new ClaimedElsewhere(cameraId);
        }
        return Optional.of(worker);
    }

    /** Another replica analyses this camera. */
    static final class ClaimedElsewhere extends RuntimeException {
        ClaimedElsewhere(UUID cameraId) {
            super("camera " + cameraId + " is analysed by another replica: send its frames to one replica (session"
                    + " affinity)");
        }
    }

    private void apply(RunningDeployment d) {
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
            CameraWorker worker = new CameraWorker(camera, pipeline, sink, new CameraMetrics(registry, camera.name()),
                    new IouTracker(config.tracking().minAgreeingFrames(), config.tracking().iouMatch(),
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
    private void warnIfUnmatchable(RunningDeployment d) {
        String model = pipeline.embeddingName();
        try {
            long unmatchable = Await.result(() -> embeddings.unmatchableEntries(d.id(), model));
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
        sink.forget(deploymentId);
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

    /**
     * A push camera this replica has not heard of yet: its deployment may have started a moment ago (the start event
     * is applied asynchronously) or on another replica (seen here only at the next reconcile), so ask the database.
     */
    private Optional<CameraWorker.Camera> activePushCamera(UUID cameraId) {
        return Await.result(() -> deployments.runningWithCamera(cameraId)).flatMap(d -> d.cameras().stream()
                .filter(c -> c.id().equals(cameraId) && c.pushMode()).findFirst()
                .map(c -> new CameraWorker.Camera(d.id(), c.id(), c.name(), null, d.matchThreshold())));
    }
}
