package org.lfr.watchlist;

import java.util.Locale;

import org.lfr.deployment.ThresholdRates;

/**
 * One entry's look-alike risk at a threshold, from its cohort scores (docs/FAIRNESS.md, "Look-alike risk"). Plain
 * Java, unit-tested without a database.
 *
 * <p>The entry's expected false-alert rate is the share of cohort faces (people on no watchlist) whose similarity with
 * it reaches the threshold. When none does, the rate is not zero but unknown below the cohort's resolution: the
 * exact one-sided 95 % upper bound {@code 1 - 0.05^(1/n)} (about 3/n, the "rule of three") is given instead, and such
 * an entry is never flagged. The calibrated false-alert rate is that of a whole list (of the calibration's size), so
 * an entry is compared with its share of it: the list's rate over the list's size. (A cohort of 1,000 can only see
 * rates of about 1 in 1,000 and up, hundreds of times an average entry's share: every entry it sees is flagged.)
 */
public record LookalikeRisk(double rate, boolean upperBound, int cohortMatches, int cohortSize, Double multiple,
        Double multipleOfList, String warning) {

    /** What the comparison needs: the calibration's rates at the threshold and its list's size. */
    public record Baseline(ThresholdRates rates, int watchlistSize) {

        /** One entry's share of the calibrated list's false-alert rate (its 95 % upper bound when none alerted). */
        double perEntry() {
            double listRate = rates.falseAlerts() > 0 ? rates.falseAlertRate() : upperBound(rates.nonMatedProbes());
            return listRate / watchlistSize;
        }

        double listRate() {
            return rates.falseAlerts() > 0 ? rates.falseAlertRate() : upperBound(rates.nonMatedProbes());
        }
    }

    /**
     * The risk at {@code threshold}, or null when it cannot be stated: no cohort scores, or a threshold below the floor
     * the scores were kept from (cohort faces between the two were not kept, so a count would flatter).
     * {@code baseline} may be null (no calibration): then the rate is given but nothing is flagged.
     */
    public static LookalikeRisk at(double threshold, Integer cohortSize, Double floor, String scores,
            Baseline baseline, double warnMultiple) {
        if (cohortSize == null || cohortSize <= 0 || floor == null || scores == null || threshold < floor - 1e-9) {
            return null;
        }
        int matches = 0;
        for (String s : scores.split(",")) {
            if (!s.isBlank() && Double.parseDouble(s) >= threshold - 1e-9) {
                matches++;
            }
        }
        if (matches == 0) {
            return new LookalikeRisk(upperBound(cohortSize), true, 0, cohortSize, null, null, null);
        }
        double rate = (double) matches / cohortSize;
        if (baseline == null || baseline.watchlistSize() <= 0) {
            return new LookalikeRisk(rate, false, matches, cohortSize, null, null, null);
        }
        double multiple = rate / baseline.perEntry();
        double ofList = rate / baseline.listRate();
        String warning = multiple < warnMultiple ? null : String.format(Locale.UK,
                "This photo is expected to alert on about 1 in %,d passers-by: %,d of %,d faces of people on no"
                        + " watchlist scored at or above the threshold %.3f. That is %,.0fx the rate the calibration"
                        + " expects of one entry (its list of %,d people alerts on 1 in %,d passers-by: about 1 in %,d"
                        + " per entry) and %.1fx the whole list's. Check the photo's quality and whether this person"
                        + " must be on the list; approving anyway is audited.",
                Math.round(1 / rate), matches, cohortSize, threshold, multiple, baseline.watchlistSize(),
                Math.round(1 / baseline.listRate()), Math.round(1 / baseline.perEntry()), ofList);
        return new LookalikeRisk(rate, false, matches, cohortSize, multiple, ofList, warning);
    }

    /** Exact one-sided 95 % upper bound of a rate of which none of {@code n} trials happened. */
    static double upperBound(long n) {
        return n <= 0 ? 1 : 1 - Math.pow(0.05, 1.0 / n);
    }

    /** "about 1 in 1,000 (1 of 1,000 cohort faces)" or "fewer than 1 in 334 (none of 1,000 cohort faces; 95 % bound)". */
    public String sentence() {
        return upperBound
                ? String.format(Locale.UK, "fewer than 1 in %,d passers-by (none of %,d cohort faces; 95 %% upper"
                        + " bound)", (long) Math.floor(1 / rate), cohortSize)
                : String.format(Locale.UK, "about 1 in %,d passers-by (%,d of %,d cohort faces)", Math.round(1 / rate),
                        cohortMatches, cohortSize);
    }
}
