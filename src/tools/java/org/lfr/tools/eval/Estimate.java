package org.lfr.tools.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate with its 95 % interval: the percentile bootstrap over people, except when nothing happened, where every
 * resample also gives zero and the interval would claim certainty. Then the upper end is the exact one-sided 95 %
 * (Clopper–Pearson) bound for 0 events in {@code units} trials, {@code 1 - 0.05^(1/units)} (about 3/units), counting
 * people (FPIR) or pairs of people (FMR) as the trials rather than photographs, which are not independent; for a
 * rate of successes (TPIR) with no failure, the same bound from below. {@code replicates} are kept for ratios between
 * groups.
 */
record Estimate(double value, double events, double trials, Double[] ci95, boolean zeroEventBound,
        double[] replicates) {

    static Estimate of(IdentityBootstrap bootstrap, IdentityBootstrap.Statistic statistic, long units) {
        IdentityBootstrap.Count observed = bootstrap.observed(statistic);
        double[] replicates = bootstrap.rates(statistic);
        if (observed.events() == 0) {
            Double upper = units > 0 ? zeroEventUpper95(units) : null;
            return new Estimate(observed.rate(), 0, observed.trials(), new Double[] {0.0, upper}, true, replicates);
        }
        return new Estimate(observed.rate(), observed.events(), observed.trials(), GroupRates.percentiles(replicates),
                false, replicates);
    }

    /** A rate of successes (TPIR): when every trial succeeded, the exact bound from below over {@code units}. */
    static Estimate ofSuccesses(IdentityBootstrap bootstrap, IdentityBootstrap.Statistic statistic, long units) {
        IdentityBootstrap.Count observed = bootstrap.observed(statistic);
        double[] replicates = bootstrap.rates(statistic);
        if (observed.trials() > 0 && observed.events() == observed.trials()) {
            return new Estimate(1, observed.events(), observed.trials(),
                    new Double[] {1 - zeroEventUpper95(units), 1.0}, true, replicates);
        }
        return new Estimate(observed.rate(), observed.events(), observed.trials(),
                GroupRates.percentiles(replicates), false, replicates);
    }

    /**
     * The exact (Clopper–Pearson) lower end of a two-sided 95 % interval for {@code k ≥ 1} events in {@code n} trials
     * treated as independent: the p at which P(X ≥ k) = 0.025. Used only where the bootstrap's lower end is zero.
     */
    static double exactLower95(long k, long n) {
        double low = 0;
        double high = (double) k / n;
        for (int i = 0; i < 200; i++) {
            double p = (low + high) / 2;
            if (atLeast(k, n, p) < 0.025) {
                low = p;
            } else {
                high = p;
            }
        }
        return low;
    }

    /** P(X ≥ k) for X ~ Binomial(n, p), from the terms below k (k is small where this is used). */
    private static double atLeast(long k, long n, double p) {
        double term = Math.exp(n * Math.log1p(-p));
        double below = term;
        for (long i = 0; i < k - 1; i++) {
            term *= (double) (n - i) / (i + 1) * p / (1 - p);
            below += term;
        }
        return 1 - below;
    }

    /** Exact one-sided 95 % upper bound of a proportion with 0 events in {@code n} independent trials. */
    static double zeroEventUpper95(long n) {
        return 1 - Math.pow(0.05, 1.0 / n);
    }

    /** As a false-match rate: {@code value}, {@code comparisons}, {@code false_matches}, {@code ci95}. */
    Map<String, Object> fmrJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", Double.isNaN(value) ? null : value);
        m.put("comparisons", (long) trials);
        m.put("false_matches", (long) events);
        m.put("ci95", ci95);
        if (zeroEventBound) {
            m.put("ci95_method", "no false match: exact one-sided 95 % upper bound over pairs of people");
        }
        return m;
    }
}
