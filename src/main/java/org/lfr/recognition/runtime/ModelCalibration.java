package org.lfr.recognition.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.deployment.ThresholdCalibration;
import org.lfr.deployment.ThresholdRates;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.recognition.pipeline.RecognitionConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * The calibration that travels with the models ({@code calibration.json} in the models folder, written by
 * {@code scripts/evaluate --calibration-out}): threshold to FPIR and TPIR, overall and per group. Trusted only when its
 * models are the running ones (same SHA-256 of every model file, same embedding settings); otherwise the service
 * says so at start and gives no rates at all — a stale figure would be worse than none.
 */
@Startup
@ApplicationScoped
public class ModelCalibration implements ThresholdCalibration {

    private static final Logger LOG = Logger.getLogger(ModelCalibration.class);
    static final String FILE = "calibration.json";

    private final List<ThresholdRates> table;
    private final String unavailable;
    private final int watchlistSize;

    ModelCalibration(RecognitionConfig config, FacePipeline pipeline, ObjectMapper json) {
        Path dir = PipelineFactory.modelDirectory(config.modelDir());
        List<ThresholdRates> loaded = List.of();
        String why;
        int size = 0;
        try {
            why = check(dir, pipeline.embeddingName(), json);
            if (why == null) {
                JsonNode root = json.readTree(dir.resolve(FILE).toFile());
                loaded = read(root);
                size = root.path("evaluation_set").path("watchlist_size").asInt();
            }
        } catch (IOException | RuntimeException e) {
            why = "its calibration file " + dir.resolve(FILE) + " could not be read (" + e.getMessage() + ")";
        }
        this.table = loaded;
        this.unavailable = why;
        this.watchlistSize = size;
        if (why == null) {
            ThresholdRates any = loaded.get(0);
            LOG.infof("match thresholds are calibrated: %d thresholds, measured on %s (%,d + %,d faces) on %s",
                    loaded.size(), any.evaluationSet(), any.nonMatedProbes(), any.matedProbes(), any.calibratedOn());
        } else {
            LOG.errorf("no false-alert rates for match thresholds: %s. Authorising and starting deployments is refused"
                    + " (THRESHOLD_NOT_CALIBRATED) until the running models are calibrated: scripts/evaluate"
                    + " DATASET --groups LABELS --calibration-out %s", why, dir.resolve(FILE));
        }
    }

    @Override
    public Optional<ThresholdRates> at(double threshold) {
        ThresholdRates best = null;
        for (ThresholdRates r : table) {
            if (r.calibratedThreshold() <= threshold + 1e-9 || best == null) {
                best = r; // the highest tabulated threshold at or below: its rate is at least the true one
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        ThresholdRates b = best;
        return Optional.of(new ThresholdRates(threshold, b.calibratedThreshold(), b.falseAlertRate(), b.falseAlerts(),
                b.identificationRate(), b.groups(), b.evaluationSet(), b.nonMatedProbes(), b.matedProbes(),
                b.calibratedOn()));
    }

    @Override
    public List<ThresholdRates> table() {
        return table;
    }

    @Override
    public OptionalInt watchlistSize() {
        return unavailable == null && watchlistSize > 0 ? OptionalInt.of(watchlistSize) : OptionalInt.empty();
    }

    @Override
    public Optional<String> unavailableBecause() {
        return Optional.ofNullable(unavailable);
    }

    /** Null when the file belongs to the running models; otherwise why not. */
    static String check(Path dir, String embedding, ObjectMapper json) throws IOException {
        return check(dir, dir.resolve(FILE), embedding, json);
    }

    /**
     * The same check for any file that records the models it was made with ({@code embedding}, {@code
     * models_sha256}): the calibration, the look-alike cohort.
     */
    static String check(Path dir, Path file, String embedding, ObjectMapper json) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "there is no " + file.getFileName() + " at " + file;
        }
        JsonNode root = json.readTree(file.toFile());
        if (!embedding.equals(root.path("embedding").asText())) {
            return "it was made for the embedding " + root.path("embedding").asText() + ", the service runs "
                    + embedding;
        }
        for (Map.Entry<String, JsonNode> model : root.path("models_sha256").properties()) {
            Path modelFile = dir.resolve(model.getKey());
            if (!Files.isRegularFile(modelFile)) {
                return "the calibrated model " + model.getKey() + " is not in " + dir;
            }
            if (!sha256(modelFile).equals(model.getValue().asText())) {
                return "the model " + model.getKey() + " is not the one calibrated (SHA-256 differs)";
            }
        }
        return null;
    }

    private static List<ThresholdRates> read(JsonNode root) {
        JsonNode set = root.path("evaluation_set");
        String name = set.path("name").asText() + (set.path("groups_file").isNull() ? ""
                : " with labels " + set.path("groups_file").asText());
        List<ThresholdRates> rates = new ArrayList<>();
        for (JsonNode p : root.path("points")) {
            List<ThresholdRates.GroupRates> groups = new ArrayList<>();
            for (Map.Entry<String, JsonNode> g : p.path("groups").properties()) {
                JsonNode sizes = set.path("groups").path(g.getKey());
                groups.add(new ThresholdRates.GroupRates(g.getKey(), g.getValue().path("fpir").asDouble(),
                        g.getValue().path("false_alerts").asLong(), g.getValue().path("tpir").asDouble(),
                        sizes.path("nonmated_probes").asLong(), sizes.path("mated_probes").asLong()));
            }
            double t = p.path("threshold").asDouble();
            rates.add(new ThresholdRates(t, t, p.path("fpir").asDouble(), p.path("false_alerts").asLong(),
                    p.path("tpir").asDouble(), groups, name, set.path("nonmated_probes").asLong(),
                    set.path("mated_probes").asLong(), root.path("created").asText()));
        }
        rates.sort(java.util.Comparator.comparingDouble(ThresholdRates::calibratedThreshold));
        return List.copyOf(rates);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
