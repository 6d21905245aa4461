package org.lfr.tools.eval;

import org.lfr.recognition.pipeline.embed.FaceEmbedder;

/**
 * How two face images are compared in an evaluation: the service's cosine of the embeddings, or, in an offline
 * experiment, a normalised score ({@link CohortNormalisation}). Images are named so that a normalisation can look up
 * what it knows of each.
 */
@FunctionalInterface
interface Similarity {

    Similarity COSINE = (imageA, a, imageB, b) -> FaceEmbedder.cosine(a, b);

    double score(String imageA, float[] a, String imageB, float[] b);
}
