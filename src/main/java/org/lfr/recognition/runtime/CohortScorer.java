package org.lfr.recognition.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.pipeline.embed.FaceEmbedder;
import org.lfr.watchlist.LookalikeCohort;
import org.lfr.watchlist.WatchlistConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * The look-alike cohort ({@link CohortFile}, {@code lfr.watchlist.lookalike.cohort-file}, relative to the models
 * folder unless absolute), loaded at start. Used only when it was made by the running models (same embedding name
 * and SHA-256 of every model file, checked as for {@code calibration.json}); otherwise the service logs why and
 * entries get no look-alike rate rather than a wrong one.
 */
@Startup
@ApplicationScoped
class CohortScorer implements LookalikeCohort {

    private static final Logger LOG = Logger.getLogger(CohortScorer.class);

    private final List<float[]> vectors;
    private final String name;
    private final String embedding;

    @Inject
    CohortScorer(RecognitionConfig recognition, WatchlistConfig watchlist, FacePipeline pipeline, ObjectMapper json) {
        this(PipelineFactory.modelDirectory(recognition.modelDir()), watchlist.lookalike().cohortFile(),
                pipeline.embeddingName(), json);
    }

    /** {@code cohortFile} relative to {@code modelDir} unless absolute; {@code embedding}: the running models' name. */
    CohortScorer(Path dir, String cohortFile, String embedding, ObjectMapper json) {
        Path file = dir.resolve(cohortFile);
        List<float[]> loaded = List.of();
        String label = file.getFileName().toString();
        String why;
        try {
            why = ModelCalibration.check(dir, file, embedding, json);
            if (why == null) {
                JsonNode root = json.readTree(file.toFile());
                CohortFile.Cohort cohort = CohortFile.read(root);
                loaded = cohort.vectors();
                label = label + " of " + cohort.created();
            }
        } catch (IOException | RuntimeException e) {
            why = "the cohort file " + file + " could not be read (" + e.getMessage() + ")";
        }
        this.vectors = loaded;
        this.name = label;
        this.embedding = embedding;
        if (why == null) {
            LOG.infof("look-alike check: %,d cohort faces from %s", loaded.size(), file);
        } else {
            LOG.errorf("no look-alike check of watchlist entries: %s. Entries get no expected false-alert rate until a"
                    + " cohort of the running models is in place: scripts/evaluate DATASET --cohort-out %s", why, file);
        }
    }

    @Override
    public Optional<Scores> score(float[] face, String model, double floor) {
        if (vectors.isEmpty() || !embedding.equals(model) || face.length != vectors.get(0).length) {
            return Optional.empty();
        }
        float[] above = new float[vectors.size()];
        int n = 0;
        for (float[] v : vectors) {
            float s = (float) FaceEmbedder.cosine(face, v);
            if (s >= floor) {
                above[n++] = s;
            }
        }
        float[] kept = Arrays.copyOf(above, n);
        Arrays.sort(kept);
        for (int i = 0; i < n / 2; i++) { // highest first
            float t = kept[i];
            kept[i] = kept[n - 1 - i];
            kept[n - 1 - i] = t;
        }
        return Optional.of(new Scores(name, vectors.size(), floor, kept));
    }
}
