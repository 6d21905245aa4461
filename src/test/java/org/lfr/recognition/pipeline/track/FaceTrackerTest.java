package org.lfr.recognition.pipeline.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.match.WatchlistMatch;

/** The tracker's embedding and alerting rules as plain Java: one face standing still, 100 ms between frames. */
class FaceTrackerTest {

    private static final double THRESHOLD = 0.8;
    private static final long FRAME = 100_000_000L;
    private static final UUID ANNA = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final FaceBox FACE = new FaceBox(100, 100, 200, 220, 0.99f);

    private final FaceTracker tracker = new FaceTracker(new FaceTracker.Settings(2, 0.3f, Duration.ofSeconds(2),
            Duration.ofMillis(500), 1.25, 0.15), THRESHOLD);
    private long now;

    @Test
    void aClearNonMatchIsEmbeddedWhenNewThenOnlyAfterTheInterval() {
        assertThat(embedsWith(0.5)).containsExactly(true, false, false, false, false, true, false);
    }

    @Test
    void aFaceWithinTheMarginBelowTheThresholdIsEmbeddedEveryFrame() {
        assertThat(embedsWith(0.66)).containsExactly(true, true, true, true, true, true, true);
    }

    @Test
    void aMarkedlyBetterFaceIsEmbeddedAtOnce() {
        sighting(100, true, List.of(match(ANNA, 0.5)));
        assertThat(see(110).embed()).as("10 % better").isFalse();
        assertThat(see(130).embed()).as("30 % better").isTrue();
    }

    @Test
    void twoAgreeingObservationsAlertOnceWithTheBestSighting() {
        assertThat(sighting(100, true, List.of(match(ANNA, 0.85)))).isEmpty();
        List<AlertCandidate> alerts = sighting(90, true, List.of(match(ANNA, 0.83)));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.watchlistEntryId()).isEqualTo(ANNA);
            assertThat(a.similarity()).as("the better face's").isEqualTo(0.85);
        });
        now += 5 * FRAME;
        assertThat(sighting(100, true, List.of(match(ANNA, 0.9)))).as("once per track and entry").isEmpty();
    }

    @Test
    void afterAnAlertOnlyACloseRunnerUpKeepsTheTrackEmbeddingEveryFrame() {
        sighting(100, true, List.of(match(ANNA, 0.9), match(BEN, 0.4)));
        assertThat(sighting(100, true, List.of(match(ANNA, 0.9), match(BEN, 0.4)))).hasSize(1);
        assertThat(see(100).embed()).as("decided: alerted for Anna, Ben far").isFalse();

        FaceTracker other = new FaceTracker(new FaceTracker.Settings(2, 0.3f, Duration.ofSeconds(2),
                Duration.ofMillis(500), 1.25, 0.15), THRESHOLD);
        for (int i = 0; i < 2; i++) {
            var s = other.see(List.of(FACE), new double[] {100}, i * FRAME).sightings().get(0);
            other.observe(s, List.of(match(ANNA, 0.9), match(BEN, 0.78)), () -> new byte[0]);
        }
        assertThat(other.see(List.of(FACE), new double[] {100}, 2 * FRAME).sightings().get(0).embed())
                .as("Ben is close behind Anna and not alerted for").isTrue();
    }

    @Test
    void aNonMatchingTrackIsForgottenOnceUnseenForLong() {
        sighting(100, true, List.of(match(ANNA, 0.5)));
        assertThat(tracker.activeTracks()).as("the track exists before it is forgotten").isOne();
        tracker.forgetUnseen(now);
        assertThat(tracker.activeTracks()).as("still seen just now: kept").isOne();
        tracker.forgetUnseen(now + Duration.ofSeconds(3).toNanos());
        assertThat(tracker.activeTracks()).isZero();
    }

    /** Seven frames of one face whose nearest entry is Anna at {@code similarity}: which were embedded. */
    private List<Boolean> embedsWith(double similarity) {
        List<Boolean> embedded = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            FaceTracker.Sighting s = see(100);
            embedded.add(s.embed());
            if (s.embed()) {
                tracker.observe(s, List.of(match(ANNA, similarity)), () -> new byte[0]);
            }
        }
        return embedded;
    }

    private List<AlertCandidate> sighting(double quality, boolean expectEmbed, List<WatchlistMatch> nearest) {
        FaceTracker.Sighting s = see(quality);
        assertThat(s.embed()).isEqualTo(expectEmbed);
        return tracker.observe(s, nearest, () -> new byte[] {1});
    }

    private FaceTracker.Sighting see(double quality) {
        FaceTracker.Frame frame = tracker.see(List.of(FACE), new double[] {quality}, now);
        now += FRAME;
        return frame.sightings().get(0);
    }

    private static WatchlistMatch match(UUID entry, double similarity) {
        return new WatchlistMatch(entry, similarity);
    }
}
