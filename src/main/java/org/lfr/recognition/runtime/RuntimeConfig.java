package org.lfr.recognition.runtime;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How cameras share the machine and how the alert path rides out faults. Each default stated here only. */
@ConfigMapping(prefix = "lfr.runtime")
public interface RuntimeConfig {

    /** Frames analysed per second and camera at most; the rest are decoded (streams) and dropped, never converted. */
    @WithDefault("10")
    double analysisFps();

    /** Threads all cameras' analysis shares; 0: one per available processor. */
    @WithDefault("0")
    int analysisThreads();

    /** Alerts held while the database is away; beyond this they are dropped (counted, logged, in readiness). */
    @WithDefault("1000")
    int alertBuffer();

    /** How long a stopping service waits for held alerts to be committed before saying which are lost. */
    @WithDefault("10s")
    Duration shutdownGrace();

    /** How often face counts are added to the database (and retried after a failure). */
    @WithDefault("2s")
    Duration faceCountFlush();

    /** A running camera with no frame for this long is reported as stalled in readiness (the pod stays ready). */
    @WithDefault("30s")
    Duration stalledAfter();

    /**
     * How often the replica analysing a camera reports its state and counters to the database, so that every replica
     * shows them; a report three intervals old is shown as STALE.
     */
    @WithDefault("2s")
    Duration statusReportEvery();
}
