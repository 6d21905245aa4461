package org.lfr.tools.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.lfr.recognition.pipeline.embed.FaceEmbedder;

/**
 * Offline experiment ({@code scripts/evaluate --groups L --cohort-experiment}): can unsupervised cohort score
 * normalisation narrow the same-group false-match differentials without group thresholds? Each image's scores against
 * an unlabelled cohort of faces give it a mean and spread; a comparison's score becomes the symmetric normalised score
 * (S-norm) {@code ½[(s − μ_a)/σ_a + (s − μ_b)/σ_b]}, on the gallery side and the probe side alike, so a face from a
 * crowded part of the embedding space (many look-alikes) needs a higher raw score to match. The adaptive variants take
 * μ and σ from each image's k most similar cohort faces only ({@link #TOPS}), which makes the correction local to the
 * face's neighbourhood — a group correction that never sees a group label.
 *
 * <p>The cohort is every other single-image person (by name), taken out of the evaluation; the others are evaluated
 * with the plain cosine and with each normalisation, each with its own thresholds at the same overall FPIR. The
 * criterion for keeping one (issue 21): overall TPIR at FPIR 0.001 does not fall and the largest same-group FMR ratio
 * to the reference falls.
 */
final class CohortNormalisation {

    /** The adaptive cohort sizes tried; 0 is the whole cohort. */
    static final int[] TOPS = {0, 25, 100, 400};

    private CohortNormalisation() {
    }

    /** Image → {mean, standard deviation} of its cosines to the cohort (all of it, or its {@code top} best). */
    record CohortStats(Map<String, double[]> byImage) {

        static CohortStats of(List<String> images, Map<String, float[]> embeddings, List<float[]> cohort, int top) {
            Map<String, double[]> stats = new ConcurrentHashMap<>();
            images.parallelStream().filter(embeddings::containsKey).forEach(image -> {
                float[] e = embeddings.get(image);
                double[] scores = new double[cohort.size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = FaceEmbedder.cosine(e, cohort.get(i));
                }
                Arrays.sort(scores);
                double[] used = top <= 0 ? scores : Arrays.copyOfRange(scores, scores.length - top, scores.length);
                double mean = Arrays.stream(used).average().orElse(0);
                double variance = Arrays.stream(used).map(s -> (s - mean) * (s - mean)).sum() / used.length;
                // a spread of zero (identical cohort scores) would divide by zero; it never occurs with real faces
                stats.put(image, new double[] {mean, Math.max(Math.sqrt(variance), 1e-9)});
            });
            return new CohortStats(stats);
        }

        Similarity sNorm() {
            return (ia, a, ib, b) -> {
                double s = FaceEmbedder.cosine(a, b);
                double[] x = byImage.get(ia);
                double[] y = byImage.get(ib);
                return ((s - x[0]) / x[1] + (s - y[0]) / y[1]) / 2;
            };
        }
    }

    static Map<String, Object> run(Map<String, List<String>> identities, Map<String, float[]> embeddings,
            Map<String, String> labels, int cap) {
        List<String> singles = identities.entrySet().stream().filter(e -> e.getValue().size() == 1)
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, List<String>> evaluated = new TreeMap<>(identities);
        List<float[]> cohort = new ArrayList<>();
        for (int i = 1; i < singles.size(); i += 2) {
            evaluated.remove(singles.get(i));
            float[] e = embeddings.get(identities.get(singles.get(i)).get(0));
            if (e != null) {
                cohort.add(e);
            }
        }
        OpenSet openSet = OpenSet.of(evaluated, cap);
        Map<String, List<String>> protocol = new TreeMap<>();
        openSet.allImages().forEach(i -> protocol.computeIfAbsent(OpenSet.identityOf(i), k -> new ArrayList<>()).add(i));
        Map<String, String> groupOf = PersonGroups.of(protocol, labels).groupOf();
        List<String> images = openSet.allImages();

        Map<String, Similarity> variants = new LinkedHashMap<>();
        variants.put("cosine", Similarity.COSINE);
        for (int top : TOPS) {
            variants.put(top == 0 ? "s-norm" : "s-norm-top" + top, CohortStats.of(images, embeddings, cohort, top)
                    .sNorm());
        }
        Map<String, Object> results = new LinkedHashMap<>();
        variants.forEach((name, similarity) -> results.put(name,
                variant(openSet, protocol, groupOf, embeddings, similarity)));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cohort", cohort.size() + " faces: every other single-image person by name, left out of the"
                + " evaluation; their labels are not used");
        json.put("evaluated_people", evaluated.size());
        json.put("criterion", "keep only if overall TPIR at FPIR 0.001 does not fall and the largest same-group FMR"
                + " ratio to the reference at that point falls");
        json.put("variants", results);
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variant(OpenSet openSet, Map<String, List<String>> protocol,
            Map<String, String> groupOf, Map<String, float[]> embeddings, Similarity similarity) {
        OpenSet.Result r = openSet.evaluate(embeddings, Evaluate.FPIRS, Double.NaN, similarity);
        Map<String, Double> points = new LinkedHashMap<>(r.thresholds());
        double floor = points.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        ImpostorSet set = ImpostorSet.score(protocol, groupOf, embeddings, floor, similarity);
        ImpostorReport report = new ImpostorReport(set, r.probes(), points, GroupReport.REPLICATES, GroupReport.SEED);
        Map<String, Object> comparisons = report.json();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thresholds", points);
        m.put("tpir_at_fpir", r.tpir());
        m.put("mated_probes", r.matedProbes());
        m.put("nonmated_probes", r.nonMatedProbes());
        m.put("reference_group", comparisons.get("reference_group"));
        Map<String, Object> fmr = new LinkedHashMap<>();
        set.groups().forEach(g -> fmr.put(g, report.groupJson(g).get("fmr_same_group")));
        m.put("fmr_same_group", fmr);
        m.put("fmr_ratio_to_reference", comparisons.get("fmr_ratio_to_reference"));
        m.put("fpir_ratio_to_reference", comparisons.get("fpir_ratio_to_reference"));
        m.put("tpir_difference_to_reference", comparisons.get("tpir_difference_to_reference"));
        Map<String, Object> largest = new LinkedHashMap<>();
        points.keySet().forEach(point -> largest.put(point, ((Map<String, Map<String, Map<String, Object>>>)
                comparisons.get("fmr_ratio_to_reference")).values().stream()
                .map(byPoint -> (Double) byPoint.get(point).get("value")).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        m.put("largest_fmr_ratio", largest);
        return m;
    }

    /** One line per variant: overall TPIR and the largest same-group FMR ratio at each point. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> json) {
        StringBuilder t = new StringBuilder("cohort normalisation (" + json.get("cohort") + ")\n");
        ((Map<String, Map<String, Object>>) json.get("variants")).forEach((name, v) -> t.append(String.format(
                Locale.ROOT, "%-16s TPIR@FPIR %s   largest same-group FMR ratio %s%n", name, v.get("tpir_at_fpir"),
                v.get("largest_fmr_ratio"))));
        return t.toString();
    }
}
