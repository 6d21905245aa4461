package org.lfr.recognition.pipeline.source;

import java.time.Duration;
import java.util.function.Consumer;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pulls frames from a network stream or a file with FFmpeg. Every frame is decoded (video codecs need it), but only
 * those the camera will analyse are converted to pixels. A live stream that fails or ends is reopened with
 * exponential backoff (counted, never fatal); a file is played at its own frame rate, as a camera would deliver it.
 * The URL may carry credentials: it never appears in a message (see {@link #redact}); FFmpeg's own log is silenced.
 */
public final class StreamFrameSource implements Runnable {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET); // FFmpeg would print the URL, credentials and all
    }

    /** What the camera does with the stream. */
    public interface Listener {
        /** Whether a frame captured now would be analysed: only those are converted. */
        boolean wantsFrame(long nowNanos);

        /** A converted frame, captured at {@code capturedNanos} ({@link System#nanoTime()}); the listener owns it. */
        void frame(Mat bgr, long capturedNanos);

        /** A frame decoded and not converted (not analysed). */
        void skipped();

        /** The stream failed or ended and will be reopened; {@code reason} names no URL. */
        void reconnect(String reason);

        /** A looped file was played to its end and rests before it plays again. */
        default void played() {
        }
    }

    /**
     * How to open the stream: the URL (with credentials), FFmpeg's protocol whitelist, a check before each open; a
     * file is played again after {@code loopRest} when {@code loopFiles}.
     */
    public record Options(String url, String protocolWhitelist, Consumer<String> checkBeforeOpen, Duration initialBackoff,
            Duration maxBackoff, boolean loopFiles, Duration loopRest) {
    }

    private final Options options;
    private final Listener listener;
    private volatile boolean running = true;

    public StreamFrameSource(Options options, Listener listener) {
        this.options = options;
        this.listener = listener;
    }

    public void stop() {
        running = false;
    }

    public boolean isFile() {
        return options.url().startsWith("file:") || !options.url().contains("://");
    }

    /** {@code user:password@} taken out of every URL in a message. */
    public static String redact(String message) {
        return message == null ? null : message.replaceAll("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s\"']*@", "$1***@");
    }

    @Override
    public void run() {
        Duration backoff = options.initialBackoff();
        while (running) {
            try {
                options.checkBeforeOpen().accept(options.url());
                play();
                if (isFile() && !(options.loopFiles() && running)) {
                    return;
                }
                if (!isFile()) {
                    listener.reconnect("stream ended");
                } else {
                    listener.played();
                    rest(options.loopRest()); // a demo camera: play the file again, after a rest
                    continue;
                }
                backoff = options.initialBackoff();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | UnsatisfiedLinkError e) {
                if (!running) {
                    return;
                }
                listener.reconnect(e.getClass().getSimpleName() + ": " + redact(e.getMessage()));
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    /** Sleeps, waking at once when stopped. */
    private void rest(Duration rest) throws InterruptedException {
        long until = System.nanoTime() + rest.toNanos();
        while (running && System.nanoTime() < until) {
            Thread.sleep(Math.max(1, Math.min(200, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private void play() throws Exception {
        String url = options.url();
        String input = url.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(url)).toString() : url;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            if (url.startsWith("rtsp")) {
                grabber.setOption("rtsp_transport", "tcp");
            }
            grabber.setOption("protocol_whitelist", options.protocolWhitelist());
            grabber.setOption("rw_timeout", "5000000"); // microseconds: a dead stream fails instead of hanging
            grabber.start();
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
            long frameNanos = (long) (1e9 / fps);
            long next = System.nanoTime();
            while (running) {
                long now = System.nanoTime();
                boolean wanted = listener.wantsFrame(now);
                Frame frame = grabber.grabFrame(false, true, wanted, false, false);
                if (frame == null) {
                    break;
                }
                Mat mat = wanted && frame.image != null ? converter.convert(frame) : null;
                if (mat != null) {
                    listener.frame(mat.clone(), now);
                } else {
                    listener.skipped(); // decoded (only video is asked for), never converted
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
        }
    }
}
