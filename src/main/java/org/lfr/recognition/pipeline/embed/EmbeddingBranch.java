package org.lfr.recognition.pipeline.embed;

import org.lfr.recognition.pipeline.align.FaceAligner;

/**
 * One embedding model with the alignment it expects. A pipeline with two branches concatenates their unit embeddings
 * scaled by √weight (weights summing to 1), so the cosine of two fused vectors is the weighted sum of the per-model
 * cosines and one vector per face still serves pgvector and the in-memory index.
 */
public record EmbeddingBranch(FaceAligner aligner, FaceEmbedder embedder, double weight) {

    public EmbeddingBranch {
        if (aligner.size() != embedder.inputSize()) {
            throw new IllegalArgumentException("embedder " + embedder.name() + " takes " + embedder.inputSize()
                    + " px faces but is aligned to " + aligner.size() + " px");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("embedding weight must be in (0, 1], was " + weight);
        }
    }
}
