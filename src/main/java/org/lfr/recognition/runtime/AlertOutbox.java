package org.lfr.recognition.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.alert.AlertRecorder;
import org.lfr.alert.NewAlert;
import org.lfr.audit.ServiceEvents;
import org.lfr.common.Await;
import org.lfr.common.ConflictException;
import org.lfr.common.InvalidInputException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Alerts on their way to the database. Cameras hand an alert here and go on; one committer thread commits them in
 * the order they were raised. While the database is away an alert stays at the head and is retried (with backoff)
 * until it commits, and the others wait behind it, up to a bounded number; beyond it new alerts are dropped —
 * counted, logged and shown in readiness. A retry never duplicates an alert (its idempotency key). An alert the
 * service refuses for good (its deployment stopped meanwhile) is logged and dropped. What is still held when the
 * service stops is reported as lost (docs/RELIABILITY.md).
 */
@ApplicationScoped
public class AlertOutbox {

    private static final Logger LOG = Logger.getLogger(AlertOutbox.class);

    /** An alert waiting for its commit, with its frame's capture time (for the frame-to-alert latency). */
    record Pending(NewAlert alert, long capturedNanos, Timer latency, Context trace) {
    }

    private final AlertRecorder recorder;
    private final ServiceEvents service;
    private final RuntimeConfig config;
    private final LinkedBlockingDeque<Pending> queue;
    private final Counter committed;
    private final Counter dropped;
    private final Counter refused;
    private final Counter lost;
    private final Counter retries;
    private final Thread committer;
    private final Tracer tracer;
    private volatile Pending inFlight;
    private volatile boolean running = true;
    private volatile Instant outageSince;

    AlertOutbox(AlertRecorder recorder, ServiceEvents service, RuntimeConfig config, MeterRegistry registry,
            Tracer tracer) {
        this.recorder = recorder;
        this.tracer = tracer;
        this.service = service;
        this.config = config;
        this.queue = new LinkedBlockingDeque<>(config.alertBuffer());
        registry.gauge("lfr.alerts.pending", this, AlertOutbox::pending);
        this.committed = registry.counter("lfr.alerts.committed");
        this.dropped = registry.counter("lfr.alerts.dropped", "why", "buffer full");
        this.refused = registry.counter("lfr.alerts.dropped", "why", "refused");
        this.lost = registry.counter("lfr.alerts.dropped", "why", "not committed at shutdown");
        this.retries = registry.counter("lfr.alerts.commit.retries");
        this.committer = new Thread(this::commitInOrder, "lfr-alert-committer");
        committer.setDaemon(true);
        committer.start();
    }

    /** Takes an alert (never blocks the camera); false when the buffer is full and it was dropped. */
    boolean offer(NewAlert alert, long capturedNanos, Timer latency, Context trace) {
        if (!running || !queue.offerLast(new Pending(alert, capturedNanos, latency, trace))) {
            dropped.increment();
            LOG.errorf("alert of camera %s DROPPED: %d alerts already wait for the database (lfr.runtime.alert-buffer)",
                    alert.cameraId(), pending());
            return false;
        }
        return true;
    }

    /** Alerts held and not yet committed (the one being retried included). */
    public int pending() {
        return queue.size() + (inFlight != null ? 1 : 0);
    }

    public int capacity() {
        return config.alertBuffer();
    }

    public double droppedSoFar() {
        return dropped.count() + refused.count();
    }

    /** When the database stopped taking alerts, if it has not yet come back. */
    public Instant outageSince() {
        return outageSince;
    }

    private void commitInOrder() {
        while (running || !queue.isEmpty()) {
            Pending next;
            try {
                next = queue.pollFirst(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (next == null) {
                continue;
            }
            inFlight = next;
            commit(next);
            inFlight = null;
        }
    }

    /** Until it commits, is refused for good, or the service stops; traced as part of its frame's trace. */
    private void commit(Pending p) {
        Span span = tracer.spanBuilder("commit alert").setParent(p.trace())
                .setAttribute("lfr.camera", p.alert().cameraId().toString()).startSpan();
        try {
            attempt(p, span);
        } finally {
            span.end();
        }
    }

    private void attempt(Pending p, Span span) {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                Await.result(() -> recorder.raise(p.alert()));
                committed.increment();
                p.latency().record(System.nanoTime() - p.capturedNanos(), TimeUnit.NANOSECONDS);
                databaseIsBack();
                return;
            } catch (ConflictException | InvalidInputException e) {
                refused.increment();
                databaseIsBack();
                LOG.warnf("alert of camera %s not raised: %s", p.alert().cameraId(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (outageSince == null) {
                    outageSince = service.now();
                    LOG.errorf("the database does not take alerts (%s): holding them, %d so far, retrying",
                            e.getClass().getSimpleName(), pending());
                }
                retries.increment();
                span.addEvent("database unavailable, retrying");
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void databaseIsBack() {
        Instant since = outageSince;
        if (since != null) {
            outageSince = null;
            LOG.infof("the database takes alerts again; %d still held", pending() - 1);
            service.outage(since, service.now(), "alert commits");
        }
    }

    /** False when the thread was told to stop for good (the grace period is over). */
    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** After the cameras have stopped (they hand no more alerts), before the service's own stop is audited. */
    void onStop(@Observes @jakarta.annotation.Priority(500) ShutdownEvent event) throws InterruptedException {
        running = false;
        committer.join(config.shutdownGrace().toMillis());
        int left = pending();
        if (left > 0) {
            committer.interrupt();
            lost.increment(left);
            LOG.errorf("%d alerts were NOT committed before the service stopped and are LOST (the database did not"
                    + " take them within %s): see docs/RELIABILITY.md", left, config.shutdownGrace());
        }
    }

    /** For tests: waits until every alert held has been committed or given up. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return pending() == 0;
    }

    static String key(UUID cameraId, String runId, int trackId, UUID entryId) {
        return cameraId + "/" + runId + "/" + trackId + "/" + entryId;
    }
}
