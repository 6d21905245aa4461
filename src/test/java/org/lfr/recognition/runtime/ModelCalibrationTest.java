package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed calibration belongs to the committed models (same hashes as the files and as models/README.md) and
 * says what docs/ACCURACY.md says; a calibration of other models is refused, naming why.
 */
class ModelCalibrationTest {

    static final Path MODELS = Path.of("models");
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theCommittedCalibrationIsOfTheCommittedModels() throws Exception {
        JsonNode calibration = json.readTree(MODELS.resolve(ModelCalibration.FILE).toFile());
        String readme = Files.readString(MODELS.resolve("README.md"));
        Iterator<Map.Entry<String, JsonNode>> models = calibration.path("models_sha256").properties().iterator();
        int checked = 0;
        while (models.hasNext()) {
            Map.Entry<String, JsonNode> m = models.next();
            assertThat(ModelCalibration.sha256(MODELS.resolve(m.getKey()))).as(m.getKey())
                    .isEqualTo(m.getValue().asText());
            assertThat(readme).as("models/README.md lists " + m.getKey()).contains("`" + m.getKey() + "` | `"
                    + m.getValue().asText() + "`");
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void theCalibrationSaysWhatAccuracyMdSays() throws Exception {
        JsonNode calibration = json.readTree(MODELS.resolve(ModelCalibration.FILE).toFile());
        String accuracy = Files.readString(Path.of("docs", "ACCURACY.md"));
        // rows of the operating-point table: | 0.815 (default) | 91.3 % | 0.051 % (2) |
        Matcher row = Pattern.compile("\\| \\**(0\\.\\d\\d\\d?)[^|]*\\| \\**([\\d.]+) %\\** \\| \\**([\\d.]+) % \\((\\d+)\\)")
                .matcher(accuracy);
        int rows = 0;
        while (row.find()) {
            double t = Double.parseDouble(row.group(1));
            JsonNode point = point(calibration, t);
            assertThat(100 * point.path("tpir").asDouble()).as("TPIR at " + t)
                    .isCloseTo(Double.parseDouble(row.group(2)), org.assertj.core.data.Offset.offset(0.051));
            assertThat(point.path("false_alerts").asLong()).as("false alerts at " + t)
                    .isEqualTo(Long.parseLong(row.group(4)));
            rows++;
        }
        assertThat(rows).as("operating-point rows found in docs/ACCURACY.md").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aCalibrationOfOtherModelsIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Files.copy(MODELS.resolve(ModelCalibration.FILE), dir.resolve(ModelCalibration.FILE));
        String embedding = json.readTree(dir.resolve(ModelCalibration.FILE).toFile()).path("embedding").asText();
        assertThat(ModelCalibration.check(dir, embedding, json)).as("no model files here").contains("is not in");
        for (String model : new String[] {"fr_detect.onnx", "fr_landmark.onnx", "fr_feature.onnx",
                "faceapi_resnet.onnx"}) {
            Files.copy(MODELS.resolve(model), dir.resolve(model));
        }
        assertThat(ModelCalibration.check(dir, embedding, json)).isNull();
        assertThat(ModelCalibration.check(dir, "another-embedding@0.5", json)).contains("made for the embedding");
        Files.write(dir.resolve("fr_feature.onnx"), new byte[] {1, 2, 3});
        assertThat(ModelCalibration.check(dir, embedding, json)).contains("fr_feature.onnx is not the one calibrated");
        Files.delete(dir.resolve(ModelCalibration.FILE));
        assertThat(ModelCalibration.check(dir, embedding, json)).contains("no calibration.json");
    }

    private static JsonNode point(JsonNode calibration, double threshold) {
        for (JsonNode p : calibration.path("points")) {
            if (Math.abs(p.path("threshold").asDouble() - threshold) < 1e-9) {
                return p;
            }
        }
        throw new AssertionError("no calibrated point at " + threshold);
    }
}
