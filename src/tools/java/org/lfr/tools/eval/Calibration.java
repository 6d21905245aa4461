package org.lfr.tools.eval;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code scripts/evaluate --calibration-out models/calibration.json}: for the running model set, each threshold from
 * 0.500 to 0.995 with the FPIR and TPIR it gave on the evaluation set (overall and per group), with the set's name and
 * size and the models' hashes. The service reads it to state a threshold's expected false-alert rate, and refuses to
 * when the models it runs are not the ones calibrated.
 */
final class Calibration {

    static final double FROM = 0.500;
    static final double STEP = 0.005;
    static final int STEPS = 100;

    private Calibration() {
    }

    static Map<String, Object> of(OpenSet.Result result, Map<String, String> labels, Path dataset, Path groupsFile,
            String embedding, Map<String, String> models, double defaultThreshold) {
        Map<String, List<GroupRates.Probe>> byGroup = new TreeMap<>();
        for (GroupRates.Probe p : result.probes()) {
            String group = labels.get(p.image());
            if (group != null) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(p);
            }
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            double t = Math.round((FROM + i * STEP) * 1000) / 1000.0;
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("threshold", t);
            point.putAll(rates(result.probes(), t));
            Map<String, Object> groups = new LinkedHashMap<>();
            byGroup.forEach((g, probes) -> groups.put(g, rates(probes, t)));
            if (!groups.isEmpty()) {
                point.put("groups", groups);
            }
            points.add(point);
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("name", dataset.getFileName().toString());
        set.put("groups_file", groupsFile == null ? null : groupsFile.getFileName().toString());
        set.put("watchlist_size", result.watchlistSize());
        set.put("mated_probes", result.matedProbes());
        set.put("nonmated_probes", result.nonMatedProbes());
        Map<String, Object> groupSizes = new LinkedHashMap<>();
        byGroup.forEach((g, probes) -> groupSizes.put(g, Map.of(
                "mated_probes", probes.stream().filter(GroupRates.Probe::mated).count(),
                "nonmated_probes", probes.stream().filter(p -> !p.mated()).count())));
        set.put("groups", groupSizes);
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("format", 1);
        calibration.put("created", LocalDate.now().toString());
        calibration.put("embedding", embedding);
        calibration.put("models_sha256", models);
        calibration.put("evaluation_set", set);
        calibration.put("default_threshold", defaultThreshold);
        calibration.put("caveat", "Rates measured on the same set the thresholds were chosen on (optimistic), with a"
                + " watchlist of " + result.watchlistSize() + " people and one enrolment photo each; a force"
                + " re-calibrates on its own labelled photos with scripts/evaluate (docs/FAIRNESS.md).");
        calibration.put("points", points);
        return calibration;
    }

    private static Map<String, Object> rates(List<GroupRates.Probe> probes, double t) {
        long nonMated = probes.stream().filter(p -> !p.mated()).count();
        long mated = probes.stream().filter(GroupRates.Probe::mated).count();
        long falseAlerts = probes.stream().filter(p -> !p.mated() && p.score() >= t).count();
        long found = probes.stream().filter(p -> p.mated() && p.correct() && p.score() >= t).count();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("fpir", round(nonMated == 0 ? 0 : (double) falseAlerts / nonMated));
        r.put("false_alerts", falseAlerts);
        r.put("tpir", round(mated == 0 ? 0 : (double) found / mated));
        return r;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6f", v));
    }
}
