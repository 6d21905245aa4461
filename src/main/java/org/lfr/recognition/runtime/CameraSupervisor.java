package org.lfr.recognition.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.common.Await;
import org.lfr.deployment.DeploymentEvents;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.RunningDeployment;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.watchlist.WatchlistEmbeddings;

import io.quarkus.runtime.ShutdownEvent;
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

    /** Where a pushed frame goes: the camera, its deployment (who operates it) and its worker here. */
    record PushTarget(RunningDeployment deployment, RunningDeployment.Camera camera, CameraWorker worker) {
    }

    private final FacePipeline pipeline;
    private final CameraWorkerFactory factory;
    private final DeploymentQueries deployments;
    private final DeploymentEvents events;
    private final WatchlistEmbeddings embeddings;
    private final RecognitionSink sink;
    private final CameraClaims claims;

    private final Map<UUID, CameraWorker> workers = new ConcurrentHashMap<>();
    private final Map<UUID, CameraClaims.Claim> claimed = new ConcurrentHashMap<>();
    /** Push cameras of ACTIVE deployments: their worker starts on the first frame this replica receives. */
    private final Map<UUID, RunningDeployment> pushable = new ConcurrentHashMap<>();
    /** ACTIVE deployments whose watchlist enrolment was checked against the running model. */
    private final Set<UUID> checked = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lfr-recognition-control");
        t.setDaemon(true);
        return t;
    });

    CameraSupervisor(FacePipeline pipeline, CameraWorkerFactory factory, DeploymentQueries deployments,
            DeploymentEvents events, WatchlistEmbeddings embeddings, RecognitionSink sink, CameraClaims claims) {
        this.pipeline = pipeline;
        this.factory = factory;
        this.deployments = deployments;
        this.events = events;
        this.embeddings = embeddings;
        this.sink = sink;
        this.claims = claims;
    }

    void onStart(@Observes StartupEvent event) {
        events.stream().subscribe().with(view -> control.execute(() -> refresh(view.id())));
        control.execute(this::reconcile);
        // nothing of a face that is gone may linger, even on a camera whose frames stopped coming
        control.scheduleWithFixedDelay(() -> workers.values().forEach(CameraWorker::forgetUnseen), 500, 500,
                TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(this::renewClaims, 5, 5, TimeUnit.SECONDS);
    }

    /** First of the stopping steps: no camera hands anything on after this. */
    void onStop(@Observes @jakarta.annotation.Priority(100) ShutdownEvent event) {
        control.shutdownNow();
        workers.values().forEach(CameraWorker::stop);
        workers.clear();
        claimed.values().forEach(CameraClaims.Claim::close);
        claimed.clear();
    }

    /** Safety net for missed events and other replicas' changes; not before start-up ends (a restore's hold). */
    @Scheduled(identity = "recognition-reconcile", every = "10s", delayed = "10s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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

    /**
     * A camera whose claim could not be renewed (the database restarted and another replica took it) stops here, so
     * that no camera is ever analysed twice. While the database is away the claim cannot be checked; the worker
     * carries on (its alerts wait in the outbox) and is checked again five seconds later.
     */
    private void renewClaims() {
        claimed.forEach((cameraId, claim) -> {
            try {
                if (!claim.renew()) {
                    CameraWorker w = workers.remove(cameraId);
                    claimed.remove(cameraId, claim);
                    if (w != null) {
                        w.stop();
                        LOG.warnf("camera %s: another replica analyses it now; stopped here", w.camera().name());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("camera %s: claim check failed (%s); checked again shortly", cameraId, e.getMessage());
            }
        });
    }

    /** The worker analysing a camera here, if any. */
    public Optional<CameraWorker> worker(UUID cameraId) {
        return Optional.ofNullable(workers.get(cameraId));
    }

    /** Workers running here, for status and health. */
    public Map<UUID, CameraWorker> workers() {
        return Map.copyOf(workers);
    }

    /**
     * Where a push camera's frame goes; its worker starts here on its first frame. Empty when the camera is in no
     * ACTIVE deployment; a camera analysed by another replica fails with {@link ClaimedElsewhere}.
     */
    Optional<PushTarget> pushTarget(UUID cameraId) {
        RunningDeployment d = pushable.get(cameraId);
        if (d == null) {
            d = Await.result(() -> deployments.runningWithCamera(cameraId)).orElse(null);
        }
        if (d == null) {
            return Optional.empty();
        }
        RunningDeployment deployment = d;
        Optional<RunningDeployment.Camera> camera = deployment.cameras().stream()
                .filter(c -> c.id().equals(cameraId) && c.pushMode()).findFirst();
        if (camera.isEmpty()) {
            return Optional.empty();
        }
        CameraWorker worker = workers.get(cameraId);
        if (worker == null) {
            worker = startIfClaimed(deployment, camera.get());
        }
        if (worker == null) {
            throw new ClaimedElsewhere(cameraId);
        }
        return Optional.of(new PushTarget(deployment, camera.get(), worker));
    }

    /** Another replica analyses this camera. */
    static final class ClaimedElsewhere extends RuntimeException {
        ClaimedElsewhere(UUID cameraId) {
            super("camera " + cameraId + " is analysed by another replica: send its frames to one replica (session"
                    + " affinity)");
        }
    }

    private void refresh(UUID deploymentId) {
        try {
            Await.result(() -> deployments.running(deploymentId)).ifPresentOrElse(this::apply,
                    () -> stopDeployment(deploymentId));
        } catch (RuntimeException e) {
            LOG.warnf("deployment %s: could not be refreshed (%s); the next reconcile will", deploymentId,
                    e.getMessage());
        }
    }

    private void apply(RunningDeployment d) {
        if (checked.add(d.id())) {
            warnIfUnmatchable(d);
        }
        for (var c : d.cameras()) {
            if (c.pushMode()) {
                pushable.put(c.id(), d);
            } else {
                startIfClaimed(d, c);
            }
        }
    }

    /** Starts the camera's worker here unless it runs here already or another replica holds the camera. */
    private CameraWorker startIfClaimed(RunningDeployment d, RunningDeployment.Camera c) {
        return workers.computeIfAbsent(c.id(), id -> {
            var claim = claims.tryClaim(id);
            if (claim.isEmpty()) {
                return null;
            }
            claimed.put(id, claim.get());
            CameraWorker worker = factory.create(d, c);
            worker.start();
            LOG.infof("deployment %s: camera %s analysing on this replica (%s)", d.reference(), c.name(),
                    c.stream() == null ? "push" : "stream");
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
        pushable.values().removeIf(d -> d.id().equals(deploymentId));
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
}
