package org.lfr.deployment;

/**
 * The live check's test: Wald's sequential probability ratio test of "each face not on the watchlist alerts falsely
 * with the calibrated probability p0 (or less)" against "with {@code multiple} × p0", one-sided and open-ended — it
 * only ever decides "excess", never "fine", so a deployment is watched to its end. After x false alerts in n faces the
 * log likelihood ratio is x·ln(p1/p0) + (n−x)·ln((1−p1)/(1−p0)); the verdict is "excess" once it reaches ln(1/α).
 * <p>
 * Error rates: under the calibrated rate (or any lower one) the likelihood ratio is a non-negative martingale
 * (supermartingale) starting at 1, so by Ville's inequality the chance that it <em>ever</em> reaches 1/α — a false
 * verdict over the whole deployment, however often it is checked — is at most α. When the true rate is p1 the
 * expected number of faces to a verdict is about ln(1/α) / KL(p1‖p0) (Wald); a deployment too short for that may end
 * without one (the test's miss rate for a short deployment is not bounded: docs/GOVERNANCE.md works the numbers).
 */
public record SequentialFalseAlertTest(double calibratedRate, double multiple, double alpha) {

    public SequentialFalseAlertTest {
        if (!(calibratedRate > 0 && calibratedRate < 1) || !(multiple > 1) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("a rate in (0, 1), a multiple above 1 and an alpha in (0, 1) are needed,"
                    + " not " + calibratedRate + ", " + multiple + ", " + alpha);
        }
    }

    /** The alternative rate (capped below 1). */
    public double alternativeRate() {
        return Math.min(multiple * calibratedRate, 0.999_999);
    }

    /** The log likelihood ratio after {@code falseAlerts} in {@code faces} (faces not yet counted are the alerts). */
    public double logLikelihoodRatio(long falseAlerts, long faces) {
        long n = Math.max(faces, falseAlerts);
        double p0 = calibratedRate, p1 = alternativeRate();
        return falseAlerts * Math.log(p1 / p0) + (n - falseAlerts) * Math.log((1 - p1) / (1 - p0));
    }

    /** Whether the observed false alerts are significantly above the calibrated rate. */
    public boolean excess(long falseAlerts, long faces) {
        return logLikelihoodRatio(falseAlerts, faces) >= Math.log(1 / alpha);
    }

    /** The fewest false alerts among {@code faces} that would be found in excess. */
    public long falseAlertsForVerdict(long faces) {
        double p0 = calibratedRate, p1 = alternativeRate();
        double perAlert = Math.log(p1 / p0) - Math.log((1 - p1) / (1 - p0));
        double x = (Math.log(1 / alpha) - faces * Math.log((1 - p1) / (1 - p0))) / perAlert;
        long k = (long) Math.max(0, Math.ceil(x - 1e-9));
        while (k > 0 && excess(k - 1, faces)) {
            k--; // floating point: the smallest count that the test itself calls excess
        }
        while (!excess(k, faces)) {
            k++;
        }
        return k;
    }

    /**
     * The rate the test holds a deployment to at this threshold: the worst calibrated group's (as the cap), or — when
     * the calibration saw no false alert at all — the rule-of-three upper bound 3 / nonMatedProbes, so that a rate
     * measured as zero never makes a single false alert "infinitely" significant.
     */
    public static double heldRate(ThresholdRates rates) {
        double worst = rates.worstFalseAlertRate();
        return worst > 0 ? worst : Math.min(0.5, 3.0 / Math.max(1, rates.nonMatedProbes()));
    }
}
