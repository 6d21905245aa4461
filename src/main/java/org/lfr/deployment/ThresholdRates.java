package org.lfr.deployment;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * A threshold in the terms a supervisor, a DPO and the public can weigh: how many passers-by who are not on the
 * watchlist would alert, and how many watchlist people seen would be found, as measured on the calibration set
 * (per group where it has labels). {@code calibratedThreshold} is the tabulated threshold the figures come from: the
 * highest at or below the one asked for, so a figure never flatters.
 */
@Type("ThresholdRates")
@Description("The expected rates of a match threshold, from the calibration of the running models (docs/FAIRNESS.md).")
public record ThresholdRates(double threshold, double calibratedThreshold,
        @Description("Expected share of passers-by not on the watchlist who alert (FPIR).") double falseAlertRate,
        @Description("False alerts observed at this threshold on the calibration set (of nonMatedProbes).") long falseAlerts,
        @Description("Expected share of watchlist people seen who are found (TPIR).") double identificationRate,
        @NonNull List<@NonNull GroupRates> groups, @NonNull String evaluationSet, long nonMatedProbes,
        long matedProbes, @NonNull String calibratedOn) {

    /** The same figures for one group of the calibration set (e.g. women, men). */
    @Type("GroupThresholdRates")
    public record GroupRates(@NonNull String group, double falseAlertRate, long falseAlerts,
            double identificationRate, long nonMatedProbes, long matedProbes) {
    }

    /**
     * The group the cap and the expected false alerts are judged by: the calibrated group with the highest false-alert
     * rate, or the whole set when that is higher or there are no groups (one threshold for everyone, so the group it
     * serves worst decides whether it is acceptable).
     */
    @Description("The calibrated group with the highest false-alert rate at this threshold (null without groups): the"
            + " false-alert cap and the expected false alerts are judged by it.")
    public GroupRates getWorstGroup() {
        return groups.stream().max(java.util.Comparator.comparingDouble(GroupRates::falseAlertRate)).orElse(null);
    }

    /** The highest calibrated false-alert rate of any group, or the overall one when that is higher (or no groups). */
    public double worstFalseAlertRate() {
        GroupRates worst = getWorstGroup();
        return worst == null ? falseAlertRate : Math.max(falseAlertRate, worst.falseAlertRate());
    }

    /** Who {@link #worstFalseAlertRate()} is of: a group's name, or "everyone" when no group is worse than the whole. */
    public String worstGroupName() {
        GroupRates worst = getWorstGroup();
        return worst == null || worst.falseAlertRate() <= falseAlertRate ? "everyone" : worst.group();
    }

    /** "About 1 in 1,300 passers-by not on the watchlist would alert; about 93 % of watchlist people would be found." */
    @NonNull
    @Description("The figures in one sentence, as a supervisor or the public reads them.")
    public String getSentence() {
        String alerts = falseAlerts == 0
                ? String.format(Locale.UK, "none of the %,d passers-by not on the watchlist alerted (fewer than 1 in"
                        + " %,d)", nonMatedProbes, nonMatedProbes)
                : String.format(Locale.UK, "about 1 in %,d passers-by not on the watchlist would alert",
                        Math.round(1 / falseAlertRate));
        return String.format(Locale.UK, "At threshold %.3f %s; about %.0f %% of watchlist people seen would be found"
                + " (measured on %s, %,d + %,d faces).", threshold, alerts, 100 * identificationRate, evaluationSet,
                nonMatedProbes, matedProbes);
    }
}
