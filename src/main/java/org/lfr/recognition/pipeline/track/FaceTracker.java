package org.lfr.recognition.pipeline.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.match.WatchlistMatch;

/**
 * Follows the faces of one camera from frame to frame by box overlap, and decides which faces to embed: a new track
 * at once; an undecided track (one of its last embedding's {@link #NEAREST} nearest entries came within {@code
 * undecidedMargin} of the threshold, or above it, and the track has not alerted for that entry yet) on every analysed
 * frame, as if every frame were embedded, so that a passer near the
 * threshold gets every chance it had before tracks; otherwise only when the face is markedly better than any
 * embedded so far, or when the re-embedding interval has passed. An alert needs at least
 * {@code minAgreeing} observations of one track matching the same entry, is raised once per track and entry, and
 * reports the best-quality sighting. A track keeps nothing of a face that never matched but its last box, and is
 * forgotten entirely once unseen for {@code maxUnseen} — whether or not more frames come.
 */
public final class FaceTracker {

    /**
     * How many nearest entries of each embedding the tracker weighs: the nearest votes; the one behind it keeps the
     * track undecided when it is close, as the nearest may be an entry the track has already alerted for.
     */
    public static final int NEAREST = 2;

    /**
     * {@code reembedInterval} zero embeds every face of every frame (the policy before tracks decided); {@code
     * betterQuality} is the ratio by which a face must beat the best embedded so far to be embedded again sooner;
     * {@code undecidedMargin} how far below the threshold a nearest entry keeps the track embedding every frame.
     */
    public record Settings(int minAgreeing, float iouMatch, Duration maxUnseen, Duration reembedInterval,
            double betterQuality, double undecidedMargin) {
    }

    /** A face of the current frame: its box and quality, its track, and whether to embed it now. */
    public static final class Sighting {
        private final Track track;
        private final FaceBox box;
        private final double quality;
        private final boolean embed;
        private final long capturedNanos;

        private Sighting(Track track, FaceBox box, double quality, boolean embed, long capturedNanos) {
            this.track = track;
            this.box = box;
            this.quality = quality;
            this.embed = embed;
            this.capturedNanos = capturedNanos;
        }

        public FaceBox box() {
            return box;
        }

        public boolean embed() {
            return embed;
        }

        public int trackId() {
            return track.id;
        }
    }

    /** The faces of one frame, and how many of them started a new track (a new passer-by). */
    public record Frame(List<Sighting> sightings, int newTracks) {
    }

    private record Best(double quality, double similarity, byte[] crop, long capturedNanos) {
    }

    private static final class Track {
        final int id;
        FaceBox box;
        long lastSeen;
        long lastEmbedded = Long.MIN_VALUE;
        double bestEmbeddedQuality;
        boolean undecided;
        final Map<UUID, Integer> votes = new HashMap<>();
        final Map<UUID, Best> best = new HashMap<>();
        final Set<UUID> alerted = new HashSet<>();

        Track(int id, FaceBox box, long now) {
            this.id = id;
            this.box = box;
            this.lastSeen = now;
        }
    }

    private final Settings settings;
    private final double threshold;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;

    /** {@code threshold}: the deployment's; a nearest entry at or above it is a match. */
    public FaceTracker(Settings settings, double threshold) {
        this.settings = settings;
        this.threshold = threshold;
    }

    /** Assigns one frame's faces (with their qualities) to tracks and says which to embed. */
    public synchronized Frame see(List<FaceBox> boxes, double[] qualities, long nowNanos) {
        forgetUnseen(nowNanos);
        List<Sighting> sightings = new ArrayList<>(boxes.size());
        Set<Track> taken = new HashSet<>();
        int created = 0;
        for (int i = 0; i < boxes.size(); i++) {
            FaceBox box = boxes.get(i);
            Track track = bestOverlap(box, taken);
            if (track == null) {
                track = new Track(nextId++, box, nowNanos);
                tracks.add(track);
                created++;
            }
            taken.add(track);
            track.box = box;
            track.lastSeen = nowNanos;
            sightings.add(new Sighting(track, box, qualities[i], shouldEmbed(track, qualities[i], nowNanos), nowNanos));
        }
        return new Frame(sightings, created);
    }

    /**
     * An embedded sighting's nearest entries, nearest first (none: an empty watchlist); the nearest at or above the
     * threshold is a match. {@code crop} is called only for a matching sighting that is the best so far, so no image
     * of a non-matching face is ever made.
     */
    public synchronized List<AlertCandidate> observe(Sighting s, List<WatchlistMatch> nearest, Supplier<byte[]> crop) {
        Track track = s.track;
        track.lastEmbedded = s.capturedNanos;
        track.bestEmbeddedQuality = Math.max(track.bestEmbeddedQuality, s.quality);
        List<AlertCandidate> alerts = nearest.stream().findFirst().filter(m -> m.similarity() >= threshold)
                .map(m -> vote(track, s, m, crop)).orElse(List.of());
        track.undecided = nearest.stream().anyMatch(m -> !track.alerted.contains(m.watchlistEntryId())
                && m.similarity() >= threshold - settings.undecidedMargin());
        return alerts;
    }

    private List<AlertCandidate> vote(Track track, Sighting s, WatchlistMatch match, Supplier<byte[]> crop) {
        UUID entry = match.watchlistEntryId();
        int votes = track.votes.merge(entry, 1, Integer::sum);
        Best best = track.best.get(entry);
        if (!track.alerted.contains(entry) && (best == null || s.quality > best.quality())) {
            track.best.put(entry, new Best(s.quality, match.similarity(), crop.get(), s.capturedNanos));
        }
        if (votes >= settings.minAgreeing() && track.alerted.add(entry)) {
            Best b = track.best.remove(entry);
            return List.of(new AlertCandidate(track.id, entry, b.similarity(), b.crop(), b.capturedNanos()));
        }
        return List.of();
    }

    /** Forgets the tracks unseen for longer than {@code maxUnseen} (called with every frame, and by the camera's timer). */
    public synchronized void forgetUnseen(long nowNanos) {
        tracks.removeIf(t -> nowNanos - t.lastSeen > settings.maxUnseen().toNanos());
    }

    public synchronized int activeTracks() {
        return tracks.size();
    }

    private boolean shouldEmbed(Track track, double quality, long now) {
        if (track.lastEmbedded == Long.MIN_VALUE || track.undecided) {
            return true;
        }
        return quality >= settings.betterQuality() * track.bestEmbeddedQuality
                || now - track.lastEmbedded >= settings.reembedInterval().toNanos();
    }

    private Track bestOverlap(FaceBox box, Set<Track> taken) {
        Track best = null;
        float bestIou = settings.iouMatch();
        for (Track t : tracks) {
            if (taken.contains(t)) {
                continue;
            }
            float iou = t.box.iou(box);
            if (iou >= bestIou) {
                bestIou = iou;
                best = t;
            }
        }
        return best;
    }
}
