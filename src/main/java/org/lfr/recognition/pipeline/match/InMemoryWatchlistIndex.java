package org.lfr.recognition.pipeline.match;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lfr.recognition.pipeline.embed.FaceEmbedder;

/**
 * An exact in-memory copy of a frozen watchlist's embeddings: the same cosine top-1 as pgvector's exact search
 * (a test holds it to that), about ten times faster per face (docs/PERFORMANCE.md). Safe only because a running
 * deployment's watchlist cannot change.
 */
public final class InMemoryWatchlistIndex {

    private final List<UUID> entries;
    private final float[][] embeddings;

    public InMemoryWatchlistIndex(List<UUID> entries, List<float[]> embeddings) {
        if (entries.size() != embeddings.size()) {
            throw new IllegalArgumentException("one entry per embedding");
        }
        this.entries = List.copyOf(entries);
        this.embeddings = embeddings.stream().map(FaceEmbedder::normalise).toArray(float[][]::new);
    }

    public int size() {
        return entries.size();
    }

    public Optional<WatchlistMatch> nearest(float[] probe) {
        float[] p = FaceEmbedder.normalise(probe);
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < embeddings.length; i++) {
            double s = FaceEmbedder.cosine(p, embeddings[i]);
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new WatchlistMatch(entries.get(best), bestSimilarity));
    }
}
