package org.lfr.recognition.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.audit.ServiceEvents;
import org.lfr.common.Await;
import org.lfr.deployment.CameraStatusBoard;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * A camera's state as true on every replica: the replica analysing a camera (holding its claim) reports its state and
 * counters to the {@link CameraStatusBoard} every {@code lfr.runtime.status-report-every}; any replica answers from
 * its own worker when it has one, else from the latest report, which it calls STALE when three report intervals
 * passed without a new one (its replica stopped or lost the database). A report thirty intervals old is no longer
 * shown: nobody has analysed the camera for that long (a replica that died leaves its rows behind).
 */
@ApplicationScoped
public class CameraStates {

    private static final Logger LOG = Logger.getLogger(CameraStates.class);

    /** What a camera tile shows; {@code reportedAgeSeconds}: how old the report is (0 when answered first-hand). */
    public record State(String state, String problem, double analysedFps, long droppedFrames, long reconnects,
            Instant lastFrameAt, String analysedBy, long reportedAgeSeconds) {
    }

    private final CameraSupervisor cameras;
    private final CameraStatusBoard board;
    private final Clock clock;
    private final Duration every;
    private final String replica;
    /** This process, told apart from another started under the same host name. */
    private final UUID instance = UUID.randomUUID();
    private final Set<UUID> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lfr-camera-status");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failing;

    CameraStates(CameraSupervisor cameras, CameraStatusBoard board, Clock clock, RuntimeConfig config,
            ServiceEvents service) {
        this.cameras = cameras;
        this.board = board;
        this.clock = clock;
        this.every = config.statusReportEvery();
        this.replica = service.replica();
    }

    void onStart(@Observes StartupEvent event) {
        reporter.scheduleWithFixedDelay(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After the cameras stopped here: their reports go, so that a stopped replica's cameras do not linger as STALE. */
    void onStop(@Observes @jakarta.annotation.Priority(200) ShutdownEvent event) {
        reporter.shutdownNow();
        if (!reported.isEmpty()) {
            try {
                Await.result(() -> board.report(List.of(), List.of(), Set.copyOf(reported), instance,
                        staleBefore(clock.instant())));
            } catch (RuntimeException e) {
                LOG.debugf("camera states of this replica not taken back (%s): they will read STALE",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** The camera's state: first-hand when it is analysed here, else the analysing replica's latest report. */
    public Uni<State> state(UUID cameraId) {
        Optional<CameraWorker> here = cameras.worker(cameraId);
        if (here.isPresent()) {
            return Uni.createFrom().item(live(here.get().status(), 0));
        }
        return board.reported(cameraId).map(report -> {
            Instant now = clock.instant();
            if (report.isPresent() && !report.get().reportedAt().isBefore(now.minus(every.multipliedBy(30)))) {
                CameraStatusBoard.Report r = report.get();
                long age = Math.max(0, Duration.between(r.reportedAt(), now).toSeconds());
                boolean stale = r.reportedAt().isBefore(staleBefore(now));
                return new State(stale ? "STALE" : r.state(), r.problem(), r.analysedFps(), r.droppedFrames(),
                        r.reconnects(), r.lastFrameAt(), r.replica(), age);
            }
            return cameras.failure(cameraId).map(why -> new State("FAILED", why, 0, 0, 0, null, replica, 0))
                    .orElse(new State("NOT_ANALYSED", null, 0, 0, 0, null, null, 0));
        });
    }

    private State live(CameraWorker.Status s, long age) {
        return new State(s.state(), null, s.analysedFps(), s.dropped(), s.reconnects(), s.lastFrameAt(), replica, age);
    }

    private Instant staleBefore(Instant now) {
        return now.minus(every.multipliedBy(3));
    }

    /** Writes the reports of the cameras analysed here (and of those that failed here); takes back the rest. */
    void report() {
        Instant now = clock.instant();
        Map<UUID, CameraWorker> workers = cameras.workers();
        List<CameraStatusBoard.Report> analysing = new ArrayList<>();
        workers.forEach((id, w) -> {
            CameraWorker.Status s = w.status();
            analysing.add(new CameraStatusBoard.Report(id, s.state(), null, s.analysedFps(), s.dropped(),
                    s.reconnects(), s.lastFrameAt(), replica, instance, now));
        });
        List<CameraStatusBoard.Report> failed = new ArrayList<>();
        cameras.failures().forEach((id, why) -> {
            if (!workers.containsKey(id)) {
                failed.add(new CameraStatusBoard.Report(id, "FAILED", why, 0, 0, 0, null, replica, instance, now));
            }
        });
        Set<UUID> current = new HashSet<>(workers.keySet());
        failed.forEach(r -> current.add(r.cameraId()));
        Set<UUID> gone = new HashSet<>(reported);
        gone.removeAll(current);
        if (analysing.isEmpty() && failed.isEmpty() && gone.isEmpty()) {
            return;
        }
        try {
            Await.result(() -> board.report(analysing, failed, gone, instance, staleBefore(now)));
            reported.clear();
            reported.addAll(current);
            if (failing) {
                LOG.info("camera states are reported again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("camera states cannot be reported (%s): other replicas will show them as STALE",
                        e.getClass().getSimpleName());
                failing = true;
            }
        }
    }
}
