package org.lfr.recognition.runtime;

import java.time.Instant;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.pipeline.image.ImageDecoder;

/**
 * One frame of a camera, as it arrived: pushed frames stay encoded until the frame is analysed (a dropped frame is
 * never decoded); streamed frames come converted. {@code capturedNanos} ({@link System#nanoTime()}) times its age.
 */
final class Frame implements AutoCloseable {

    /** The bytes of a pushed frame did not decode, although their header looked right. */
    static final class UndecodableException extends RuntimeException {
        UndecodableException() {
            super("the frame's bytes do not decode to an image");
        }
    }

    private final byte[] encoded;
    private Mat pixels;
    final long capturedNanos;
    final Instant capturedAt;

    private Frame(byte[] encoded, Mat pixels, long capturedNanos, Instant capturedAt) {
        this.encoded = encoded;
        this.pixels = pixels;
        this.capturedNanos = capturedNanos;
        this.capturedAt = capturedAt;
    }

    static Frame encoded(byte[] bytes, long capturedNanos, Instant capturedAt) {
        return new Frame(bytes, null, capturedNanos, capturedAt);
    }

    static Frame decoded(Mat bgr, long capturedNanos, Instant capturedAt) {
        return new Frame(null, bgr, capturedNanos, capturedAt);
    }

    /** The BGR pixels, decoding them now if the frame came encoded. */
    Mat pixels() {
        if (pixels == null) {
            pixels = ImageDecoder.decodeBgr(encoded);
            if (pixels == null) {
                throw new UndecodableException();
            }
        }
        return pixels;
    }

    @Override
    public void close() {
        if (pixels != null) {
            pixels.close();
            pixels = null;
        }
    }
}
