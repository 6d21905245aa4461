package org.lfr.recognition.pipeline.source;

import java.time.Duration;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jboss.logging.Logger;

/**
 * Pulls frames from an RTSP/HTTP stream or a file with FFmpeg. A live stream that fails or ends is reopened with
 * exponential backoff (counted and logged, never fatal); a file is played once at its own frame rate, as a camera
 * would deliver it.
 */
public final class StreamFrameSource implements Runnable {

    private static final Logger LOG = Logger.getLogger(StreamFrameSource.class);

    public interface Listener {
        void frame(Mat bgr);

        void reconnect(String reason);
    }

    private final String url;
    private final String cameraName;
    private final Listener listener;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean loopFiles;
    private volatile boolean running = true;

    public StreamFrameSource(String url, String cameraName, Listener listener, Duration initialBackoff,
            Duration maxBackoff, boolean loopFiles) {
        this.loopFiles = loopFiles;
        this.url = url;
        this.cameraName = cameraName;
        this.listener = listener;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public void stop() {
        running = false;
    }

    public boolean isFile() {
        return url.startsWith("file:") || !url.contains("://");
    }

    @Override
    public void run() {
        Duration backoff = initialBackoff;
        while (running) {
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(isFile() ? url.replaceFirst("^file:(//)?", "") : url);
                    OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
                if (url.startsWith("rtsp")) {
                    grabber.setOption("rtsp_transport", "tcp");
                }
                grabber.setOption("rw_timeout", "5000000"); // microseconds: a dead stream fails instead of hanging
                grabber.start();
                backoff = initialBackoff;
                double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
                long frameNanos = (long) (1e9 / fps);
                long next = System.nanoTime();
                Frame frame;
                while (running && (frame = grabber.grabImage()) != null) {
                    Mat mat = converter.convert(frame);
                    if (mat != null) {
                        listener.frame(mat.clone());
                    }
                    if (isFile()) {
                        next += frameNanos;
                        long sleep = next - System.nanoTime();
                        if (sleep > 0) {
                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                        }
                    }
                }
                grabber.stop();
                if (isFile()) {
                    if (loopFiles && running) {
                        continue; // a demo camera: play the file again
                    }
                    LOG.infof("camera %s: end of file", cameraName);
                    return;
                }
                listener.reconnect("stream ended");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | UnsatisfiedLinkError e) {
                if (!running) {
                    return;
                }
                listener.reconnect(e.getClass().getSimpleName());
                LOG.warnf("camera %s: stream failed (%s); reconnecting in %d ms", cameraName, e.getMessage(),
                        backoff.toMillis());
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

}
