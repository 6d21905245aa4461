package org.lfr.tools.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Error rates per group with 95 % intervals, as NIST's demographic reports give them. Two intervals per rate: Wilson's
 * (which treats every probe as independent) and a bootstrap over identities (which does not: probes of one person
 * rise and fall together, so resampling whole people is the honest one; it is the {@code ci95} reported). Groups
 * are compared with a reference group in {@link ImpostorReport}.
 */
final class GroupRates {

    /** One probe's outcome: whose face, in which group, mated (enrolled) or not, and whether it counted as a hit. */
    record Probe(String identity, String image, boolean mated, boolean correct, double score) {
    }

    /** A rate {@code hits / of} with both intervals. */
    record Rate(double value, long hits, long of, double[] wilson95, Double[] ci95) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", Double.isNaN(value) ? null : value);
            m.put("ci95", ci95);
            m.put("hits", hits);
            m.put("of", of);
            m.put("wilson95", wilson95);
            return m;
        }
    }

    static final double Z95 = 1.959963984540054;

    private final int replicates;
    private final long seed;

    GroupRates(int replicates, long seed) {
        this.replicates = replicates;
        this.seed = seed;
    }

    /** Wilson's score interval for {@code k} successes in {@code n} trials (the service's own, for its records). */
    static double[] wilson(long k, long n) {
        return org.lfr.common.Intervals.wilson(k, n);
    }

    /** FPIR: non-mated probes scoring at or above {@code threshold}. */
    Rate fpir(List<Probe> probes, double threshold) {
        return rate(probes.stream().filter(p -> !p.mated()).toList(), p -> p.score() >= threshold);
    }

    /** TPIR: mated probes whose top candidate is their own identity, at or above {@code threshold}. */
    Rate tpir(List<Probe> probes, double threshold) {
        return rate(probes.stream().filter(Probe::mated).toList(), p -> p.correct() && p.score() >= threshold);
    }

    private Rate rate(List<Probe> probes, Predicate<Probe> hit) {
        long k = probes.stream().filter(hit).count();
        long n = probes.size();
        List<List<Probe>> people = byIdentity(probes);
        Random random = new Random(seed);
        double[] values = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            values[r] = fraction(resample(people, random), hit);
        }
        Double[] ci = percentiles(values);
        if (n > 0 && (k == 0 || k == n)) {
            // every resample gives the same 0 or 1: the exact bound over people says how far it may be from it
            double bound = Estimate.zeroEventUpper95(people.size());
            ci = k == 0 ? new Double[] {0.0, bound} : new Double[] {1 - bound, 1.0};
        }
        return new Rate(n == 0 ? Double.NaN : (double) k / n, k, n, wilson(k, n), ci);
    }

    private static List<List<Probe>> byIdentity(List<Probe> probes) {
        Map<String, List<Probe>> people = new TreeMap<>();
        probes.forEach(p -> people.computeIfAbsent(p.identity(), i -> new ArrayList<>()).add(p));
        return new ArrayList<>(people.values());
    }

    private static List<Probe> resample(List<List<Probe>> people, Random random) {
        List<Probe> sample = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            sample.addAll(people.get(random.nextInt(people.size())));
        }
        return sample;
    }

    private static double fraction(List<Probe> probes, Predicate<Probe> hit) {
        return probes.isEmpty() ? Double.NaN : (double) probes.stream().filter(hit).count() / probes.size();
    }

    /** The 2.5th and 97.5th percentiles of the defined (non-NaN) replicates; an infinite end becomes null. */
    static Double[] percentiles(double[] values) {
        double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (finite.length == 0) {
            return new Double[] {null, null};
        }
        double low = finite[(int) Math.floor(0.025 * (finite.length - 1))];
        double high = finite[(int) Math.ceil(0.975 * (finite.length - 1))];
        return new Double[] {Double.isInfinite(low) ? null : low, Double.isInfinite(high) ? null : high};
    }
}
