package org.lfr.recognition.runtime;

/**
 * Which frames of a stream are analysed, at a camera's analysis rate: the rate holds on average, and a frame a little
 * early counts as on time. Decided before a frame is converted, so a frame not analysed costs only its decoding.
 */
final class AnalysisPacer {

    private final long intervalNanos;
    private long nextDueNanos = Long.MIN_VALUE / 2;

    AnalysisPacer(double framesPerSecond) {
        this.intervalNanos = (long) (1e9 / framesPerSecond);
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** Whether a frame arriving at {@code nowNanos} is analysed; if so, the next is due one interval later. */
    synchronized boolean due(long nowNanos) {
        // A frame a little early (a quarter of the interval) counts as on time: a 30 fps stream analysed at 10
        // frames/s gives every third frame, not every fourth because one came 0.1 ms before its turn.
        if (nowNanos - nextDueNanos < -intervalNanos / 4) {
            return false;
        }
        // the rate holds on average (the next is due one interval after this one was due); a late frame moves the
        // schedule rather than letting the next ones come in a burst
        nextDueNanos = Math.max(nextDueNanos + intervalNanos, nowNanos + intervalNanos * 3 / 4);
        return true;
    }
}
