package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The look-alike cohort is used only when it was made by the running models; its compact encoding keeps scores
 * within the calibration's resolution. Plain Java, with the real model files and a small synthetic cohort.
 */
class CohortScorerTest {

    static final Path MODELS = Path.of("models");
    static final String RUNNING = "running-embedding";

    @TempDir
    Path dir;

    @Test
    void aCohortOfTheRunningModelsScoresEveryFaceAndKeepsThoseAtTheFloor() throws Exception {
        List<float[]> vectors = unitVectors(50, 640);
        Path file = write(RUNNING, hashes(), vectors);

        CohortScorer scorer = new CohortScorer(MODELS, file.toString(), RUNNING, new ObjectMapper());
        var scores = scorer.score(vectors.get(7), RUNNING, 0.78).orElseThrow();

        assertThat(scores.size()).isEqualTo(50);
        assertThat(scores.atOrAboveFloor()).as("random 640-d vectors are near orthogonal: only its own copy")
                .hasSize(1);
        assertThat((double) scores.atOrAboveFloor()[0]).as("int8 encoding error").isCloseTo(1.0, within(1e-3));
        assertThat(scorer.score(vectors.get(7), "another-embedding", 0.78))
                .as("an embedding of other models is never scored against this cohort").isEmpty();
    }

    @Test
    void theCommittedCohortIsOfTheCommittedModelsAndSaysWhereItComesFrom() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var root = json.readTree(MODELS.resolve("cohort.json").toFile());
        String embedding = json.readTree(MODELS.resolve(ModelCalibration.FILE).toFile()).path("embedding").asText();
        assertThat(root.path("embedding").asText()).as("the calibrated (running) embedding").isEqualTo(embedding);
        assertThat(ModelCalibration.check(MODELS, MODELS.resolve("cohort.json"), embedding, json)).isNull();
        assertThat(root.path("source").asText()).contains("Labeled Faces in the Wild");
        assertThat(root.path("licence").asText()).contains("Never built from camera footage");
        assertThat(root.path("images")).hasSize(1000);
        assertThat(root.toString()).as("no absolute path of the machine it was built on")
                .doesNotContainPattern("[\\s'\"(]/[A-Za-z]+/");

        CohortFile.Cohort cohort = CohortFile.read(root);
        assertThat(cohort.vectors()).hasSize(1000);
        assertThat(new CohortScorer(MODELS, "cohort.json", embedding, json).score(cohort.vectors().get(500), embedding,
                0.78).orElseThrow().atOrAboveFloor()).as("a cohort face scores with itself").isNotEmpty();
    }

    @Test
    void aCohortOfOtherModelsGivesNoScores() throws Exception {
        List<float[]> vectors = unitVectors(5, 640);
        Path otherName = write("fr_feature.onnx:RGB", hashes(), vectors);
        assertThat(new CohortScorer(MODELS, otherName.toString(), RUNNING, new ObjectMapper())
                .score(vectors.get(0), RUNNING, 0.78)).isEmpty();

        Map<String, String> changed = hashes();
        changed.put("fr_feature.onnx", "0".repeat(64));
        Path otherFile = write(RUNNING, changed, vectors);
        assertThat(new CohortScorer(MODELS, otherFile.toString(), RUNNING, new ObjectMapper())
                .score(vectors.get(0), RUNNING, 0.78)).as("same name, another model file").isEmpty();

        assertThat(new CohortScorer(MODELS, dir.resolve("absent.json").toString(), RUNNING, new ObjectMapper())
                .score(vectors.get(0), RUNNING, 0.78)).isEmpty();
    }

    @Test
    void theScoresComeHighestFirst() throws Exception {
        float[] a = {1, 0, 0, 0};
        float[] b = {0.9f, (float) Math.sqrt(1 - 0.81), 0, 0};
        float[] c = {0.8f, 0, 0.6f, 0};
        Path file = write(RUNNING, hashes(), List.of(c, a, b));
        var scores = new CohortScorer(MODELS, file.toString(), RUNNING, new ObjectMapper())
                .score(a, RUNNING, 0.85).orElseThrow();
        assertThat(scores.atOrAboveFloor()).hasSize(2);
        assertThat((double) scores.atOrAboveFloor()[0]).isCloseTo(1.0, within(1e-3));
        assertThat((double) scores.atOrAboveFloor()[1]).isCloseTo(0.9, within(1e-2));
    }

    private Path write(String embedding, Map<String, String> models, List<float[]> vectors) throws Exception {
        Path file = Files.createTempFile(dir, "cohort", ".json");
        CohortFile.write(file, Map.of("source", "synthetic", "created", "2026-12-04"), embedding, models, vectors);
        return file;
    }

    private static Map<String, String> hashes() throws Exception {
        Map<String, String> models = new LinkedHashMap<>();
        for (String f : List.of("fr_detect.onnx", "fr_landmark.onnx", "fr_feature.onnx", "faceapi_resnet.onnx")) {
            models.put(f, ModelCalibration.sha256(MODELS.resolve(f)));
        }
        return models;
    }

    private static List<float[]> unitVectors(int n, int dims) {
        Random random = new Random(21);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dims];
            double norm = 0;
            for (int d = 0; d < dims; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < dims; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            vectors.add(v);
        }
        return vectors;
    }
}
