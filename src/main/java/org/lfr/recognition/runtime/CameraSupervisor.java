package org.lfr.recognition.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final CameraWorkerFactory factory;
    private final DeploymentQueries deployments;
    private final DeploymentEvents events;
    private final UnmatchableWatchlistWarning unmatchable;
    private final RecognitionSink sink;
    private final CameraClaims claims;

    private final Map<UUID, CameraWorker> workers = new ConcurrentHashMap<>();
    private final Map<UUID, CameraClaims.Claim> claimed = new ConcurrentHashMap<>();
    /** Push cameras of ACTIVE deployments: their worker starts on the first frame this replica receives. */
    private final Map<UUID, RunningDeployment> pushable = new ConcurrentHashMap<>();
    /** Cameras of ACTIVE deployments that could not start here, with the reason (status and readiness show it). */
    private final Map<UUID, String> failed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lfr-recognition-control");
        t.setDaemon(true);
        return t;
    });

    CameraSupervisor(CameraWorkerFactory factory, DeploymentQueries deployments, DeploymentEvents events,
            UnmatchableWatchlistWarning unmatchable, RecognitionSink sink, CameraClaims claims) {
        this.factory = factory;
        this.deployments = deployments;
        this.events = events;
        this.unmatchable = unmatchable;
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

    /**
     * Safety net for missed events (and other replicas' changes): align workers with the database. Every deployment
     * is applied even when one of them cannot be (its cameras say why). Not before start-up ends (a restore's hold).
     */
    @Scheduled(identity = "recognition-reconcile", every = "10s", delayed = "10s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        try {
            List<RunningDeployment> active = Await.result(deployments::running);
            active.forEach(this::apply);
            failed.keySet().removeIf(camera -> active.stream().flatMap(d -> d.cameras().stream())
                    .noneMatch(c -> c.id().equals(camera)));
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

    /** Why a camera of an ACTIVE deployment could not start here; empty when it did or was not tried. */
    public Optional<String> failure(UUID cameraId) {
        return Optional.ofNullable(failed.get(cameraId));
    }

    /** Cameras that could not start here, with the reason: for health. */
    public Map<UUID, String> failures() {
        return Map.copyOf(failed);
    }

    /** Workers running here, for status and health. */
    public Map<UUID, CameraWorker> workers() {
        return Map.copyOf(workers);
    }

    /**
     * The ACTIVE deployment and push camera a frame is addressed to, without claiming or starting anything: the
     * caller is judged on this before any state changes. Empty when the camera is no push camera of an ACTIVE
     * deployment.
     */
    Optional<PushDestination> pushDestination(UUID cameraId) {
        RunningDeployment d = pushable.get(cameraId);
        if (d == null) {
            d = Await.result(() -> deployments.runningWithCamera(cameraId)).orElse(null);
        }
        if (d == null) {
            return Optional.empty();
        }
        RunningDeployment deployment = d;
        return deployment.cameras().stream().filter(c -> c.id().equals(cameraId) && c.pushMode()).findFirst()
                .map(c -> new PushDestination(deployment, c));
    }

    /**
     * Where an accepted frame goes: the camera's worker here, claimed and started on its first frame; a camera
     * analysed by another replica fails with {@link ClaimedElsewhere}.
     */
    PushTarget pushTarget(PushDestination destination) {
        CameraWorker worker = workers.get(destination.camera().id());
        if (worker == null) {
            worker = startIfClaimed(destination.deployment(), destination.camera());
        }
        if (worker == null) {
            throw new ClaimedElsewhere(destination.camera().id());
        }
        return new PushTarget(destination.deployment(), destination.camera(), worker);
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
        unmatchable.checkOnce(d);
        for (var c : d.cameras()) {
            if (c.pushMode()) {
                pushable.put(c.id(), d);
            } else {
                try {
                    startIfClaimed(d, c);
                } catch (RuntimeException e) {
                    LOG.errorf("deployment %s: camera %s could not start: %s", d.reference(), c.name(), e.getMessage());
                }
            }
        }
    }

    /**
     * Starts the camera's worker here unless it runs here already or another replica holds the camera. A camera that
     * cannot start gives its claim back (another replica, or the next reconcile, may try) and records why.
     */
    private CameraWorker startIfClaimed(RunningDeployment d, RunningDeployment.Camera c) {
        return workers.computeIfAbsent(c.id(), id -> {
            var claim = claims.tryClaim(id);
            if (claim.isEmpty()) {
                return null;
            }
            CameraWorker worker;
            try {
                worker = factory.create(d, c);
                worker.start();
            } catch (RuntimeException e) {
                claim.get().close();
                failed.put(id, "could not start: " + e.getMessage());
                throw e;
            }
            claimed.put(id, claim.get());
            failed.remove(id);
            LOG.infof("deployment %s: camera %s analysing on this replica (%s)", d.reference(), c.name(),
                    c.stream() == null ? "push" : "stream");
            return worker;
        });
    }

    private void stopDeployment(UUID deploymentId) {
        unmatchable.forget(deploymentId);
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
