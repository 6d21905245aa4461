package org.lfr.recognition.pipeline.source;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Holds only the newest frame of a camera: a frame not yet processed when the next arrives is dropped (and
 * counted), so live video never builds up lag.
 */
public final class LatestFrameSlot {

    private final AtomicReference<Mat> latest = new AtomicReference<>();
    private final Semaphore available = new Semaphore(0);
    private final Runnable onDrop;

    public LatestFrameSlot(Runnable onDrop) {
        this.onDrop = onDrop;
    }

    /** Takes ownership of {@code frame}. */
    public void offer(Mat frame) {
        Mat previous = latest.getAndSet(frame);
        if (previous != null) {
            previous.close();
            onDrop.run();
        } else {
            available.release();
        }
    }

    /** The newest frame (the caller owns it), or null after the timeout. */
    public Mat take(long timeout, TimeUnit unit) throws InterruptedException {
        if (!available.tryAcquire(timeout, unit)) {
            return null;
        }
        return latest.getAndSet(null);
    }

    public void clear() {
        Mat m = latest.getAndSet(null);
        if (m != null) {
            m.close();
        }
    }
}
