package org.lfr.tools.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open-set 1:N protocol: identities with ≥ 2 images, sorted by name; those at even positions are enrolled with
 * their first image and probed with their others (mated); the odd positions and every single-image identity are
 * never enrolled (non-mated). At most {@code cap} probes per identity.
 */
final class OpenSet {

    /**
     * {@code atThreshold}: TPIR and FPIR at a given threshold (the service's default); {@code operatingPoints}: the
     * same for thresholds from FPIR 0.01's threshold - 0.05 to FPIR 0.001's + 0.05 in steps of 0.01.
     */
    record Result(int watchlistSize, int matedProbes, int nonMatedProbes, Map<String, Double> tpir,
            Map<String, Double> thresholds, Map<String, Double> atThreshold,
            Map<String, Map<String, Double>> operatingPoints, List<GroupRates.Probe> probes) {
    }

    private final Map<String, String> gallery; // identity -> enrolment image
    private final Map<String, List<String>> mated; // identity -> probe images
    private final List<String> nonMated;

    private OpenSet(Map<String, String> gallery, Map<String, List<String>> mated, List<String> nonMated) {
        this.gallery = gallery;
        this.mated = mated;
        this.nonMated = nonMated;
    }

    static OpenSet of(Map<String, List<String>> identities, int cap) {
        Map<String, String> gallery = new LinkedHashMap<>();
        Map<String, List<String>> mated = new LinkedHashMap<>();
        List<String> nonMated = new ArrayList<>();
        List<String> multi = identities.entrySet().stream().filter(e -> e.getValue().size() >= 2)
                .map(Map.Entry::getKey).sorted().toList();
        for (int i = 0; i < multi.size(); i++) {
            List<String> images = identities.get(multi.get(i));
            if (i % 2 == 0) {
                gallery.put(multi.get(i), images.get(0));
                mated.put(multi.get(i), images.subList(1, Math.min(images.size(), 1 + cap)));
            } else {
                nonMated.addAll(images.subList(0, Math.min(images.size(), cap)));
            }
        }
        identities.forEach((name, images) -> {
            if (images.size() == 1) {
                nonMated.add(images.get(0));
            }
        });
        return new OpenSet(gallery, mated, nonMated);
    }

    List<String> allImages() {
        List<String> all = new ArrayList<>(gallery.values());
        mated.values().forEach(all::addAll);
        all.addAll(nonMated);
        return all;
    }

    Result evaluate(Map<String, float[]> embeddings, double[] fpirs, double operatingThreshold) {
        return evaluate(embeddings, fpirs, operatingThreshold, Similarity.COSINE);
    }

    Result evaluate(Map<String, float[]> embeddings, double[] fpirs, double operatingThreshold, Similarity similarity) {
        List<String> names = new ArrayList<>();
        List<String> enrolledImages = new ArrayList<>();
        gallery.forEach((name, image) -> {
            if (embeddings.containsKey(image)) {
                names.add(name);
                enrolledImages.add(image);
            }
        });
        Top top = probe -> {
            float[] e = embeddings.get(probe);
            int best = -1;
            double score = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < enrolledImages.size(); i++) {
                String g = enrolledImages.get(i);
                double s = similarity.score(probe, e, g, embeddings.get(g));
                if (s > score) {
                    score = s;
                    best = i;
                }
            }
            return new double[] {best, score};
        };
        List<Double> nonMatedScores = new ArrayList<>();
        List<GroupRates.Probe> probes = new ArrayList<>(); // group filled in by the caller, from the image
        for (String probe : nonMated) {
            float[] e = embeddings.get(probe);
            double score = e == null ? Double.NEGATIVE_INFINITY : top.of(probe)[1];
            nonMatedScores.add(score);
            probes.add(new GroupRates.Probe(identityOf(probe), probe, false, false, score));
        }
        List<double[]> matedResults = new ArrayList<>(); // {correct?1:0, score}
        mated.forEach((name, images) -> {
            for (String probe : images) {
                float[] e = embeddings.get(probe);
                if (e == null) {
                    matedResults.add(new double[] {0, Double.NEGATIVE_INFINITY});
                    probes.add(new GroupRates.Probe(name, probe, true, false, Double.NEGATIVE_INFINITY));
                    continue;
                }
                double[] best = top.of(probe);
                boolean correct = best[0] >= 0 && names.get((int) best[0]).equals(name);
                matedResults.add(new double[] {correct ? 1 : 0, best[1]});
                probes.add(new GroupRates.Probe(name, probe, true, correct, best[1]));
            }
        });
        double[] sortedNonMated = Evaluate.sorted(nonMatedScores);
        Map<String, Double> tpir = new LinkedHashMap<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (double fpir : fpirs) {
            double threshold = thresholdFor(sortedNonMated, fpir);
            long hits = matedResults.stream().filter(r -> r[0] == 1 && r[1] >= threshold).count();
            tpir.put(String.valueOf(fpir), (double) hits / matedResults.size());
            thresholds.put(String.valueOf(fpir), threshold);
        }
        Map<String, Double> at = Double.isNaN(operatingThreshold) ? Map.of()
                : operatingPoint(operatingThreshold, matedResults, nonMatedScores);
        Map<String, Map<String, Double>> points = new LinkedHashMap<>();
        if (fpirs.length > 0) {
            double from = Math.floor((thresholds.get(String.valueOf(fpirs[0])) - 0.05) * 100) / 100;
            double to = thresholds.get(String.valueOf(fpirs[fpirs.length - 1])) + 0.05;
            for (double t = from; t <= to; t += 0.01) {
                double rounded = Math.round(t * 100) / 100.0;
                points.put(String.format(java.util.Locale.ROOT, "%.2f", rounded),
                        operatingPoint(rounded, matedResults, nonMatedScores));
            }
        }
        return new Result(gallery.size(), matedResults.size(), nonMated.size(), tpir, thresholds, at, points, probes);
    }

    /** {@code Name/Name_0001.jpg} is Name's. */
    static String identityOf(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? image : image.substring(0, slash);
    }

    private static Map<String, Double> operatingPoint(double threshold, List<double[]> mated, List<Double> nonMated) {
        Map<String, Double> point = new LinkedHashMap<>();
        point.put("threshold", threshold);
        point.put("tpir", (double) mated.stream().filter(r -> r[0] == 1 && r[1] >= threshold).count() / mated.size());
        point.put("fpir", (double) nonMated.stream().filter(v -> v >= threshold).count() / nonMated.size());
        return point;
    }

    /** The lowest threshold at which at most {@code fpir} of non-mated probes score at or above it. */
    static double thresholdFor(double[] sortedNonMated, double fpir) {
        int allowed = (int) Math.floor(fpir * sortedNonMated.length);
        int index = sortedNonMated.length - 1 - allowed; // the highest score that must be rejected
        if (index < 0) {
            return -1;
        }
        return Math.nextUp(sortedNonMated[index]);
    }

    /** The best-scoring enrolled person for a probe image: {index, score}. */
    private interface Top {
        double[] of(String probe);
    }
}
