package org.lfr.tools.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-group part of {@code scripts/evaluate --groups LABELS.tsv} ({@code image <TAB> group}, any group names):
 * for each group the TPIR of its mated probes and the FPIR of its non-mated probes at the service's default threshold
 * and at the thresholds of the global FPIR 0.01 and 0.001 operating points, with intervals; and, from
 * {@link ImpostorReport}, same-group and cross-group false-match rates and every group against a reference group.
 * Probes whose image has no label are left out of the per-probe figures.
 */
final class GroupReport {

    static final int REPLICATES = 2000;
    static final long SEED = 20261130L;

    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private final Map<String, List<GroupRates.Probe>> byGroup = new TreeMap<>();
    private final GroupRates rates = new GroupRates(REPLICATES, SEED);
    private final ImpostorReport impostors;
    private final List<String> mixed;

    GroupReport(OpenSet.Result result, Map<String, String> labels, double defaultThreshold, ImpostorSet set,
            List<String> mixed) {
        thresholds.put("default", defaultThreshold);
        result.thresholds().forEach(thresholds::put);
        this.impostors = new ImpostorReport(set, result.probes(), thresholds, REPLICATES, SEED);
        this.mixed = mixed;
        for (GroupRates.Probe p : result.probes()) {
            String group = labels.get(p.image());
            if (group != null) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(p);
            }
        }
    }

    /** {@code image <TAB> group}; a header line whose second column is "group" or "gender" is skipped. */
    static Map<String, String> read(Path tsv) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] cols = line.split("\t");
            if (cols.length < 2 || cols[0].equals("image")) {
                continue;
            }
            labels.put(cols[0].trim(), cols[1].trim());
        }
        return labels;
    }

    Map<String, Object> json() {
        Map<String, Object> groups = new LinkedHashMap<>();
        byGroup.forEach((group, probes) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("mated_probes", probes.stream().filter(GroupRates.Probe::mated).count());
            g.put("nonmated_probes", probes.stream().filter(p -> !p.mated()).count());
            g.put("identities", probes.stream().map(GroupRates.Probe::identity).distinct().count());
            Map<String, Object> tpir = new LinkedHashMap<>();
            Map<String, Object> fpir = new LinkedHashMap<>();
            thresholds.forEach((point, t) -> {
                tpir.put(point, rates.tpir(probes, t).json());
                fpir.put(point, rates.fpir(probes, t).json());
            });
            g.put("tpir", tpir);
            g.put("fpir", fpir);
            Map<String, Object> who = new LinkedHashMap<>();
            thresholds.forEach((point, t) -> who.put(point, falseAlertsByPerson(probes, t)));
            g.put("false_alerts_by_person", who);
            g.putAll(impostors.groupJson(group));
            groups.put(group, g);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("groups", groups);
        json.putAll(impostors.json());
        json.put("people_with_mixed_labels", mixed);
        json.put("group_thresholds", thresholds);
        json.put("group_intervals", "ci95: percentile bootstrap over identities (" + REPLICATES + " resamples, seed "
                + SEED + "; probes of one person are not independent); with no event (or no miss) the exact one-sided"
                + " 95 % bound 1 - 0.05^(1/n) over the n people (pairs of people for FMR) instead; ratios and"
                + " differences to the reference from the same resamples; wilson95: Wilson score interval per probe");
        return json;
    }

    /** How concentrated a group's false alerts are: people with any, and the most from one person (and who). */
    private static Map<String, Object> falseAlertsByPerson(List<GroupRates.Probe> probes, double threshold) {
        Map<String, Long> byPerson = new TreeMap<>();
        probes.stream().filter(p -> !p.mated() && p.score() >= threshold)
                .forEach(p -> byPerson.merge(p.identity(), 1L, Long::sum));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("people", byPerson.size());
        byPerson.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(top -> {
            m.put("most_from_one_person", top.getValue());
            m.put("that_person", top.getKey());
        });
        return m;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-10s %-8s %7s %7s  %-30s %-30s%n", "point", "group", "mated",
                "nonmat", "TPIR [95% CI, identities]", "FPIR [95% CI, identities] (hits)"));
        thresholds.forEach((point, threshold) -> {
            byGroup.forEach((group, probes) -> {
                GroupRates.Rate tpir = rates.tpir(probes, threshold);
                GroupRates.Rate fpir = rates.fpir(probes, threshold);
                t.append(String.format(Locale.ROOT, "%-10s %-8s %7d %7d  %-30s %-30s%n",
                        point + "@" + String.format(Locale.ROOT, "%.3f", threshold), group, tpir.of(), fpir.of(),
                        percent(tpir), percent(fpir) + " (" + fpir.hits() + ")"));
            });
        });
        return t + System.lineSeparator() + impostors.table();
    }

    private static String percent(GroupRates.Rate r) {
        return String.format(Locale.ROOT, "%.2f%% [%s, %s]", 100 * r.value(), pct(r.ci95()[0]), pct(r.ci95()[1]));
    }

    private static String pct(Double v) {
        return v == null ? "unbounded" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
