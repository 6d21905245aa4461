package org.lfr.common;

/**
 * 95 % intervals for the figures the service publishes: Wilson's score interval for a share (k of n), and the exact
 * (Garwood) interval for the mean of a Poisson count — false alerts among many faces are rare events, so a rate is the
 * count's interval over the faces.
 */
public final class Intervals {

    /** The normal quantile of a two-sided 95 % interval. */
    public static final double Z95 = 1.959964;

    private Intervals() {
    }

    /** Wilson's score interval for {@code k} successes in {@code n} trials ([0, 1] when n is 0). */
    public static double[] wilson(long k, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // at k = 0 or k = n the bound is exactly 0 or 1; arithmetic would leave a rounding residue
        return new double[] {k == 0 ? 0 : centre - half, k == n ? 1 : centre + half};
    }

    /**
     * The exact two-sided 95 % interval of a Poisson mean after observing {@code count} events: the means at which
     * seeing at least (lower) or at most (upper) that many has probability 2.5 %. For 0 events: [0, 3.689].
     */
    public static double[] poisson(long count) {
        double lower = count == 0 ? 0 : solve(mean -> 1 - cdf(count - 1, mean), 0.025, count);
        double upper = solve(mean -> cdf(count, mean), 0.025, count);
        return new double[] {lower, upper};
    }

    /** P(X ≤ k) for a Poisson count of this mean, summed in log space so that large means do not underflow. */
    public static double cdf(long k, double mean) {
        if (k < 0) {
            return 0;
        }
        if (mean == 0) {
            return 1;
        }
        double logTerm = -mean, sum = 0, max = Double.NEGATIVE_INFINITY;
        double[] logs = new double[(int) Math.min(k + 1, Integer.MAX_VALUE - 8)];
        for (int i = 0; i < logs.length; i++) {
            if (i > 0) {
                logTerm += Math.log(mean / i);
            }
            logs[i] = logTerm;
            max = Math.max(max, logTerm);
        }
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return Math.min(1, Math.exp(max + Math.log(sum)));
    }

    /** The mean at which the monotone {@code tail(mean)} equals {@code target}, by bisection. */
    private static double solve(java.util.function.DoubleUnaryOperator tail, double target, long count) {
        double lo = 0, hi = Math.max(10, 4 * (count + 10));
        boolean increasing = tail.applyAsDouble(hi) > tail.applyAsDouble(lo);
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if ((tail.applyAsDouble(mid) < target) == increasing) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
