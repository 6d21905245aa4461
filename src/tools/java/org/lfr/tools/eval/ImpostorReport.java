package org.lfr.tools.eval;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The demographic part of {@code scripts/evaluate --groups} that compares groups: same-group and cross-group
 * false-match rates at each operating point, where they come from, and every group's FMR, FPIR (ratios) and TPIR
 * (difference) against a reference group, the one with the most same-group comparisons. All intervals come from one
 * {@link IdentityBootstrap}.
 */
final class ImpostorReport {

    static final String PROTOCOL = "impostor comparisons: every embedded image of the open-set protocol (at most 21"
            + " per person) against every image of each other person; same group: both people in the group; cross"
            + " group: the group's people against the labelled people of all other groups; a person's group is the"
            + " label all their labelled images carry (people whose images disagree are left out)";

    private final ImpostorSet set;
    private final Map<String, Double> thresholds;
    private final String reference;
    private final Map<String, Map<String, Estimate>> same = new TreeMap<>();
    private final Map<String, Map<String, Estimate>> cross = new TreeMap<>();
    private final Map<String, Map<String, Estimate>> fpir = new TreeMap<>();
    private final Map<String, Map<String, Estimate>> tpir = new TreeMap<>();

    ImpostorReport(ImpostorSet set, List<GroupRates.Probe> probes, Map<String, Double> thresholds, int replicates,
            long seed) {
        this.set = set;
        this.thresholds = thresholds;
        IdentityBootstrap bootstrap = new IdentityBootstrap(
                set.people().stream().map(ImpostorSet.Person::group).toList(), replicates, seed);
        ImpostorRates impostors = new ImpostorRates(set);
        ProbeRates open = new ProbeRates(probes, set);
        for (String g : set.groups()) {
            thresholds.forEach((point, t) -> {
                same.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(point,
                        Estimate.of(bootstrap, impostors.sameGroup(g, t), impostors.samePairsOfPeople(g)));
                cross.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(point,
                        Estimate.of(bootstrap, impostors.crossGroup(g, t), impostors.crossPairsOfPeople(g)));
                fpir.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(point,
                        Estimate.of(bootstrap, open.fpir(g, t), open.nonMatedPeople(g)));
                tpir.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(point,
                        Estimate.ofSuccesses(bootstrap, open.tpir(g, t), open.matedPeople(g)));
            });
        }
        this.reference = same.entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue().values().iterator().next().trials()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** What each group's JSON object gains. */
    Map<String, Object> groupJson(String group) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!same.containsKey(group)) {
            return m;
        }
        m.put("impostor_people", set.people().stream().filter(p -> p.group().equals(group) && p.images() > 0)
                .count());
        m.put("fmr_same_group", perPoint(same.get(group), Estimate::fmrJson));
        m.put("fmr_cross_group", perPoint(cross.get(group), Estimate::fmrJson));
        Map<String, Object> sources = new LinkedHashMap<>();
        thresholds.forEach((point, t) -> sources.put(point,
                FalseMatchSources.of(set, same.get(group).get(point), group, t).json()));
        m.put("false_match_sources", sources);
        return m;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference_group", reference);
        m.put("reference_group_reason", "the group with the most same-group impostor comparisons");
        m.put("fmr_ratio_to_reference", compared(same, ReferenceComparison::ratio));
        m.put("fpir_ratio_to_reference", compared(fpir, ReferenceComparison::ratio));
        m.put("tpir_difference_to_reference", compared(tpir, ReferenceComparison::difference));
        m.put("impostor_protocol", PROTOCOL);
        return m;
    }

    private Map<String, Object> compared(Map<String, Map<String, Estimate>> rates,
            BiFunction<Estimate, Estimate, ReferenceComparison> against) {
        Map<String, Object> m = new LinkedHashMap<>();
        rates.forEach((g, byPoint) -> {
            Map<String, Object> points = new LinkedHashMap<>();
            byPoint.forEach((point, e) -> points.put(point, against.apply(e, rates.get(reference).get(point)).json()));
            m.put(g, points);
        });
        return m;
    }

    String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s%nreference group: %s (most same-group"
                + " comparisons)%n%-14s %-10s %-44s %-34s %-20s %-20s %-22s%n", PROTOCOL, reference, "point", "group",
                "FMR same group [95% CI] (false matches / comparisons)", "FMR cross group [95% CI] (false m.)",
                "FMR ratio [95% CI]", "FPIR ratio [95% CI]", "TPIR difference [95% CI]"));
        thresholds.forEach((point, threshold) -> same.keySet().forEach(g -> {
            Estimate s = same.get(g).get(point);
            Estimate c = cross.get(g).get(point);
            Estimate ref = same.get(reference).get(point);
            t.append(String.format(Locale.ROOT, "%-14s %-10s %-44s %-34s %-20s %-20s %-22s%n",
                    point + "@" + String.format(Locale.ROOT, "%.3f", threshold), g,
                    rate(s) + String.format(Locale.ROOT, " (%d / %d)", (long) s.events(), (long) s.trials()),
                    rate(c) + String.format(Locale.ROOT, " (%d)", (long) c.events()),
                    ratio(ReferenceComparison.ratio(s, ref), 3),
                    ratio(ReferenceComparison.ratio(fpir.get(g).get(point), fpir.get(reference).get(point)), 3),
                    ratio(ReferenceComparison.difference(tpir.get(g).get(point), tpir.get(reference).get(point)), 3)));
            FalseMatchSources.Sources from = FalseMatchSources.of(set, s, g, threshold);
            if (from.pairs() > 0) {
                t.append(String.format(Locale.ROOT, "%-25s from %d people in %d pairs (FMR %s without the top"
                        + " pair); most: %s%n", "", from.people(), from.pairs(), number(from.fmrWithoutTopPair(), 3),
                        String.join(", ", from.top().stream().map(p -> p.a() + " ~ " + p.b() + " "
                                + p.falseMatches() + "/" + p.comparisons()).toList())));
            }
        }));
        return t.toString();
    }

    private static String rate(Estimate e) {
        return String.format(Locale.ROOT, "%.3g [%s, %s]", e.value(), number(e.ci95()[0], 3), number(e.ci95()[1], 3));
    }

    private static String ratio(ReferenceComparison c, int digits) {
        return number(c.value(), digits) + " [" + number(c.ci95()[0], digits) + ", " + number(c.ci95()[1], digits)
                + "]";
    }

    private static String number(Double v, int digits) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    private static Map<String, Object> perPoint(Map<String, Estimate> byPoint,
            java.util.function.Function<Estimate, Object> json) {
        Map<String, Object> m = new LinkedHashMap<>();
        byPoint.forEach((point, e) -> m.put(point, json.apply(e)));
        return m;
    }
}
