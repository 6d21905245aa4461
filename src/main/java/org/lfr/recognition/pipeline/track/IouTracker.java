package org.lfr.recognition.pipeline.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lfr.recognition.pipeline.detect.FaceBox;

/**
 * Follows faces of one camera from frame to frame by box overlap. An alert needs at least {@code minAgreeing}
 * frames of one track matching the same entry, is raised once per track and entry, and reports the best-quality
 * sighting. Tracks of faces that never matched keep nothing but their last box, in memory, until they expire.
 */
public final class IouTracker {

    private record Sighting(double quality, double similarity, byte[] crop) {
    }

    private static final class Track {
        final int id;
        FaceBox box;
        int missed;
        final Map<UUID, Integer> votes = new HashMap<>();
        final Map<UUID, Sighting> best = new HashMap<>();
        final Set<UUID> alerted = new HashSet<>();

        Track(int id, FaceBox box) {
            this.id = id;
            this.box = box;
        }
    }

    private final int minAgreeing;
    private final float iouMatch;
    private final int maxMissed;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;

    public IouTracker(int minAgreeing, float iouMatch, int maxMissed) {
        this.minAgreeing = minAgreeing;
        this.iouMatch = iouMatch;
        this.maxMissed = maxMissed;
    }

    /** Feeds one frame's faces; returns the alerts this frame completes. */
    public List<AlertCandidate> update(List<TrackedFace> faces) {
        List<AlertCandidate> alerts = new ArrayList<>();
        Set<Track> seen = new HashSet<>();
        for (TrackedFace face : faces) {
            Track track = bestOverlap(face.box(), seen);
            if (track == null) {
                track = new Track(nextId++, face.box());
                tracks.add(track);
            }
            seen.add(track);
            track.box = face.box();
            track.missed = 0;
            if (face.match().isEmpty()) {
                continue;
            }
            UUID entry = face.match().get().watchlistEntryId();
            double similarity = face.match().get().similarity();
            int votes = track.votes.merge(entry, 1, Integer::sum);
            Sighting best = track.best.get(entry);
            if (!track.alerted.contains(entry) && (best == null || face.quality() > best.quality())) {
                track.best.put(entry, new Sighting(face.quality(), similarity, face.crop().get()));
            }
            if (votes >= minAgreeing && track.alerted.add(entry)) {
                Sighting b = track.best.remove(entry);
                alerts.add(new AlertCandidate(track.id, entry, b.similarity(), b.crop()));
            }
        }
        tracks.removeIf(t -> !seen.contains(t) && ++t.missed > maxMissed);
        return alerts;
    }

    public int activeTracks() {
        return tracks.size();
    }

    private Track bestOverlap(FaceBox box, Set<Track> taken) {
        Track best = null;
        float bestIou = iouMatch;
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
