package org.lfr.recognition.pipeline.source;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds only the newest frame of a camera: a frame not yet taken when the next arrives is dropped (closed, and
 * counted), so live video never builds up lag and a dropped frame costs nothing more.
 */
public final class LatestFrameSlot<T extends AutoCloseable> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Runnable onDrop;

    public LatestFrameSlot(Runnable onDrop) {
        this.onDrop = onDrop;
    }

    /** Takes ownership of {@code frame}. */
    public void offer(T frame) {
        T previous = latest.getAndSet(frame);
        if (previous != null) {
            close(previous);
            onDrop.run();
        }
    }

    /** The newest frame (the caller owns it), or null. */
    public T take() {
        return latest.getAndSet(null);
    }

    public boolean isEmpty() {
        return latest.get() == null;
    }

    public void clear() {
        T frame = latest.getAndSet(null);
        if (frame != null) {
            close(frame);
        }
    }

    private static void close(AutoCloseable frame) {
        try {
            frame.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
