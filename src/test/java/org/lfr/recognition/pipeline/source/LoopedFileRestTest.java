package org.lfr.recognition.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A looped file camera (the demo's) plays its clip, then rests before playing it again: no frame comes during the
 * rest, so the same people are not sighted (and alerted) every few seconds; a stopped source ends during its rest.
 */
class LoopedFileRestTest {

    Path clip;

    @BeforeEach
    void oneSecondClip() throws Exception {
        clip = Files.createTempFile("lfr-loop", ".mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toFile(), 64, 48);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 10; i++) {
                try (Mat grey = new Mat(48, 64, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                        new Scalar(i * 20.0, 128, 128, 0))) {
                    recorder.record(converter.convert(grey));
                }
            }
            recorder.stop();
        }
    }

    @AfterEach
    void delete() throws Exception {
        Files.deleteIfExists(clip);
    }

    @Test
    void noFrameComesDuringTheRestAndStopEndsIt() throws Exception {
        Counting listener = new Counting();
        StreamFrameSource source = source(Duration.ofHours(1), listener);
        Thread t = new Thread(source);
        t.start();
        awaitPlays(listener, 1);
        int afterFirstPlay = listener.frames.get();
        assertThat(afterFirstPlay).as("the clip's frames, once").isPositive();
        Thread.sleep(1500); // longer than the clip: a loop without rest would have played it again
        assertThat(listener.frames.get()).as("frames during the rest").isEqualTo(afterFirstPlay);
        assertThat(listener.plays.get()).isEqualTo(1);
        source.stop();
        t.join(2000);
        assertThat(t.isAlive()).as("stopped during its rest").isFalse();
    }

    @Test
    void afterItsRestTheClipPlaysAgain() throws Exception {
        Counting listener = new Counting();
        StreamFrameSource source = source(Duration.ofMillis(200), listener);
        Thread t = new Thread(source);
        t.start();
        awaitPlays(listener, 1);
        int afterFirstPlay = listener.frames.get();
        awaitPlays(listener, 2);
        assertThat(listener.frames.get()).as("the second play's frames").isGreaterThan(afterFirstPlay);
        source.stop();
        t.join(2000);
        assertThat(listener.reconnects.get()).as("a file's end is no stream failure").isZero();
    }

    private StreamFrameSource source(Duration rest, Counting listener) {
        return new StreamFrameSource(new StreamFrameSource.Options("file:" + clip.toAbsolutePath(), "file", url -> {
        }, Duration.ofMillis(100), Duration.ofSeconds(1), true, rest), listener);
    }

    private static void awaitPlays(Counting listener, int plays) throws InterruptedException {
        for (int i = 0; i < 200 && listener.plays.get() < plays; i++) {
            Thread.sleep(100);
        }
        assertThat(listener.plays.get()).as("plays of the clip").isGreaterThanOrEqualTo(plays);
    }

    static final class Counting implements StreamFrameSource.Listener {
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger plays = new AtomicInteger();
        final AtomicInteger reconnects = new AtomicInteger();

        @Override
        public boolean wantsFrame(long nowNanos) {
            return true;
        }

        @Override
        public void frame(Mat bgr, long capturedNanos) {
            bgr.close();
            frames.incrementAndGet();
        }

        @Override
        public void skipped() {
            frames.incrementAndGet();
        }

        @Override
        public void reconnect(String reason) {
            reconnects.incrementAndGet();
        }

        @Override
        public void played() {
            plays.incrementAndGet();
        }
    }
}
