package org.lfr.recognition.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.audit.ServiceEvents;
import org.lfr.common.Await;
import org.lfr.deployment.FaceCount;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Faces seen (new tracks: passers-by), added to each deployment's count every few seconds. A failed addition is
 * kept and retried at the next flush, with one warning per outage, not one per frame.
 */
@ApplicationScoped
public class FaceCounter {

    private static final Logger LOG = Logger.getLogger(FaceCounter.class);

    private final FaceCount faceCount;
    private final ServiceEvents service;
    private final Map<UUID, AtomicLong> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lfr-face-count");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant failingSince;

    FaceCounter(FaceCount faceCount, ServiceEvents service, RuntimeConfig config) {
        this.faceCount = faceCount;
        this.service = service;
        long every = config.faceCountFlush().toMillis();
        flusher.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    void add(UUID deploymentId, int faces) {
        pending.computeIfAbsent(deploymentId, id -> new AtomicLong()).addAndGet(faces);
    }

    /** Adds what is pending; keeps what could not be added. */
    void flush() {
        for (var e : pending.entrySet()) {
            long n = e.getValue().getAndSet(0);
            if (n == 0) {
                continue;
            }
            try {
                Await.result(() -> faceCount.add(e.getKey(), n));
                if (failingSince != null) {
                    LOG.infof("face counts are recorded again (failing since %s)", failingSince);
                    failingSince = null;
                }
            } catch (RuntimeException failure) {
                e.getValue().addAndGet(n);
                if (failingSince == null) {
                    failingSince = service.now();
                    LOG.warnf("face counts cannot be recorded (%s): kept and retried", failure.getClass().getSimpleName());
                }
                return;
            }
        }
    }

    void onStop(@Observes @jakarta.annotation.Priority(500) ShutdownEvent event) {
        flusher.shutdownNow();
        flush();
        long left = pending.values().stream().mapToLong(AtomicLong::get).sum();
        if (left > 0) {
            LOG.errorf("%d faces seen were not added to their deployments' counts before the service stopped", left);
        }
    }
}
