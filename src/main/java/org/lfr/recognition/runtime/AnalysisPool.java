package org.lfr.recognition.runtime;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The threads every camera's analysis shares: as many as the machine has processors (or as configured), so that
 * eight cameras do not start eight competing inference threads. Each camera runs one analysis at a time, at most at
 * its analysis rate; the pool takes them in turn.
 */
@ApplicationScoped
public class AnalysisPool {

    private final ScheduledExecutorService executor;
    private final int threads;

    AnalysisPool(RuntimeConfig config) {
        this.threads = config.analysisThreads() > 0 ? config.analysisThreads()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "lfr-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    void run(Runnable task, long delayNanos) {
        executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
