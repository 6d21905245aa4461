package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lfr.recognition.pipeline.FaceObservation;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.enrol.EnrolmentAnalyser;
import org.lfr.recognition.pipeline.image.ImageDecoder;
import org.lfr.recognition.pipeline.match.InMemoryWatchlistIndex;
import org.lfr.recognition.pipeline.match.WatchlistMatch;
import org.lfr.recognition.pipeline.track.AlertCandidate;
import org.lfr.recognition.pipeline.track.FaceTracker;
import org.lfr.support.SharedEval;
import org.lfr.tools.StandaloneConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;

/**
 * Does embedding tracks instead of frames lose anyone? Each clip is played twice through the service's own
 * {@link CameraAnalysis} (real models, the camera's analysis rate and its pacing, the in-memory matcher): once
 * embedding every face of every analysed frame (re-embed interval 0, the policy before tracks) and once with the
 * configured track policy. Tracking does not depend on embedding, so both runs see the same passers (tracks); every
 * passer that alerted for an entry with every frame embedded must alert for it with the track policy.
 *
 * <p>Two watchlists: the real one (the photos of {@code face_recognition_examples}, one per person, Lin-Manuel Miranda
 * among them), and "everyone seen": every face found in three frames of the clip, so that nearly every passer of the
 * clip can alert (the CCTV clip's person has no photo of their own). Frame times are the clip's own (no wall clock),
 * so the result does not depend on the machine's speed. No database, no Quarkus: nothing here is stored.
 * {@code target/track-policy.json} keeps the figures docs/PERFORMANCE.md quotes.
 */
class TrackPolicyVideoTest {

    private static final String HAMILTON = "video/hamilton_clip/short_hamilton_clip.mp4";
    private static final String FREEMAN = "video/otb_freeman1/img";
    /** The OTB sequences were recorded at 30 frames/s. */
    private static final double FREEMAN_FPS = 30;

    private static FacePipeline pipeline;
    private static RecognitionConfig config;
    private static double threshold;
    private static double analysisFps;
    private static final Map<String, Object> report = new LinkedHashMap<>();

    /** One frame of a clip at its own time. */
    private record ClipFrame(Mat bgr, long nanos) {
    }

    /** Per passer (track id), the entries it alerted for; how many faces were embedded; how many passers. */
    private record Outcome(Map<Integer, Set<String>> alertedByPasser, long embedded, long passers) {
    }

    @BeforeAll
    static void models() {
        config = StandaloneConfig.recognition();
        pipeline = PipelineFactory.create(config);
        threshold = StandaloneConfig.governance().defaultMatchThreshold();
        analysisFps = StandaloneConfig.mapping(RuntimeConfig.class).analysisFps();
    }

    @AfterAll
    static void writeReport() throws IOException {
        Files.createDirectories(Path.of("target"));
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of("target", "track-policy.json").toFile(),
                report);
    }

    @Test
    void theHamiltonClipLosesNoPasserToTheTrackPolicy() throws Exception {
        List<ClipFrame> clip = hamilton();
        Map<String, float[]> photos = photos();
        Outcome everyFrame = compare("hamilton", "photos", clip, photos);
        assertThat(everyFrame.alertedByPasser().values()).as("Lin-Manuel Miranda alerts with every frame embedded")
                .anySatisfy(entries -> assertThat(entries).contains("lin_manuel_miranda"));
        compare("hamilton", "everyone seen", clip, everyoneSeen(clip));
    }

    @Test
    void theCctvClipLosesNoPasserToTheTrackPolicy() throws Exception {
        List<ClipFrame> clip = freeman();
        compare("otb_freeman1", "photos", clip, photos());
        Outcome everyFrame = compare("otb_freeman1", "everyone seen", clip, everyoneSeen(clip));
        assertThat(everyFrame.alertedByPasser()).as("the person of the clip alerts with every frame embedded")
                .isNotEmpty();
    }

    /** Plays the clip with both policies, asserts no passer is lost, records the figures; the every-frame outcome. */
    private static Outcome compare(String clipName, String watchlistName, List<ClipFrame> clip,
            Map<String, float[]> watchlist) {
        Outcome everyFrame = play(clip, watchlist, Duration.ZERO);
        Outcome tracks = play(clip, watchlist, config.tracking().reembedInterval());
        assertThat(tracks.passers()).as("tracking does not depend on embedding").isEqualTo(everyFrame.passers());
        everyFrame.alertedByPasser().forEach((passer, entries) -> assertThat(
                tracks.alertedByPasser().getOrDefault(passer, Set.of()))
                .as("%s, %s watchlist: passer %d alerted for %s with every frame embedded", clipName, watchlistName,
                        passer, entries)
                .containsAll(entries));
        assertThat(tracks.embedded()).as("the track policy embeds fewer faces").isLessThan(everyFrame.embedded());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("analysed_frames", clip.stream().filter(pacedAt(analysisFps)).count());
        row.put("passers", everyFrame.passers());
        row.put("every_frame", Map.of("embedded", everyFrame.embedded(), "alerted", everyFrame.alertedByPasser()));
        row.put("track_policy", Map.of("embedded", tracks.embedded(), "alerted", tracks.alertedByPasser()));
        report.put(clipName + " / " + watchlistName, row);
        System.out.printf("%s / %s: %d passers; every frame: %d embedded, alerts %s; track policy: %d embedded,"
                + " alerts %s%n", clipName, watchlistName, everyFrame.passers(), everyFrame.embedded(),
                everyFrame.alertedByPasser(), tracks.embedded(), tracks.alertedByPasser());
        return everyFrame;
    }

    /** One camera run over the clip through {@link CameraAnalysis}, at the camera's analysis rate. */
    private static Outcome play(List<ClipFrame> clip, Map<String, float[]> watchlist, Duration reembedInterval) {
        List<String> names = List.copyOf(watchlist.keySet());
        List<UUID> ids = names.stream().map(n -> UUID.nameUUIDFromBytes(n.getBytes())).toList();
        InMemoryWatchlistIndex index = new InMemoryWatchlistIndex(ids, names.stream().map(watchlist::get).toList());
        Map<Integer, Set<String>> alerted = new TreeMap<>();
        long[] embedded = {0};
        long[] passers = {0};
        CameraWorker.Sink sink = new CameraWorker.Sink() {
            @Override
            public List<List<WatchlistMatch>> match(UUID deploymentId, String model, List<float[]> embeddings,
                    int k) {
                embedded[0] += embeddings.size();
                return embeddings.stream().map(e -> index.nearest(e, k)).toList();
            }

            @Override
            public void alert(CameraWorker.Camera camera, AlertCandidate alert, Instant capturedAt, String runId,
                    Context trace) {
                alerted.computeIfAbsent(alert.trackId(), t -> new TreeSet<>())
                        .add(names.get(ids.indexOf(alert.watchlistEntryId())));
            }

            @Override
            public void newFaces(UUID deploymentId, int faces) {
                passers[0] += faces;
            }
        };
        UUID deployment = UUID.randomUUID();
        UUID camera = UUID.randomUUID();
        var tracking = config.tracking();
        FaceTracker tracker = new FaceTracker(new FaceTracker.Settings(tracking.minAgreeingFrames(),
                tracking.iouMatch(), tracking.maxUnseen(), reembedInterval, tracking.betterQuality(),
                tracking.undecidedMargin()), threshold);
        CameraAnalysis analysis = new CameraAnalysis(new CameraWorker.Camera(deployment, camera, "clip", null,
                threshold), pipeline, sink, new CameraMetrics(new SimpleMeterRegistry(),
                OpenTelemetry.noop().getTracer("test"), deployment, camera, "clip"), tracker, "test");
        clip.stream().filter(pacedAt(analysisFps))
                .forEach(f -> analysis.analyse(Frame.decoded(f.bgr(), f.nanos(), Instant.EPOCH)));
        return new Outcome(alerted, embedded[0], passers[0]);
    }

    /** The service's pacing, over the clip's own frame times (a new pacer per call: one camera run). */
    private static java.util.function.Predicate<ClipFrame> pacedAt(double fps) {
        AnalysisPacer pacer = new AnalysisPacer(fps);
        return f -> pacer.due(f.nanos());
    }

    /**
     * One photo per person of face_recognition_examples (folders starting with _ are not people), enrolled as the
     * service enrols: the first of a person's photos that passes the enrolment checks.
     */
    private static Map<String, float[]> photos() throws IOException {
        EnrolmentAnalyser enrolment = new EnrolmentAnalyser(pipeline, config.enrolment());
        Map<String, float[]> photos = new TreeMap<>();
        try (Stream<Path> people = Files.list(SharedEval.file("face_recognition_examples"))) {
            for (Path person : people.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("_"))
                    .sorted().toList()) {
                try (Stream<Path> files = Files.list(person)) {
                    for (Path photo : files.sorted().toList()) {
                        try {
                            photos.put(person.getFileName().toString(),
                                    enrolment.analyse(Files.readAllBytes(photo)).embedding());
                            break;
                        } catch (EnrolmentAnalyser.Refused refused) {
                            // as the service would: this photo is not enrolled, the next one may be
                        }
                    }
                }
            }
        }
        assertThat(photos).containsKey("lin_manuel_miranda");
        return photos;
    }

    /** Every face found in the frames at a quarter, half and three quarters of the clip, each its own entry. */
    private static Map<String, float[]> everyoneSeen(List<ClipFrame> clip) {
        Map<String, float[]> entries = new TreeMap<>();
        for (int quarter = 1; quarter <= 3; quarter++) {
            int frame = clip.size() * quarter / 4;
            List<FaceObservation> faces = pipeline.analyse(clip.get(frame).bgr());
            for (int i = 0; i < faces.size(); i++) {
                entries.put("frame " + frame + " face " + i, faces.get(i).embedding());
            }
        }
        assertThat(entries).as("faces to enrol").isNotEmpty();
        return entries;
    }

    private static List<ClipFrame> hamilton() throws Exception {
        List<ClipFrame> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedEval.file(HAMILTON).toString());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                frames.add(new ClipFrame(converter.convert(frame).clone(), grabber.getTimestamp() * 1_000));
            }
        }
        return frames;
    }

    private static List<ClipFrame> freeman() throws IOException {
        List<ClipFrame> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedEval.file(FREEMAN))) {
            for (Path file : files.sorted().toList()) {
                frames.add(new ClipFrame(ImageDecoder.decodeBgr(Files.readAllBytes(file)),
                        (long) (frames.size() * 1e9 / FREEMAN_FPS)));
            }
        }
        return frames;
    }
}
