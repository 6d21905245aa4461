package org.lfr.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A threshold is acceptable when the calibration of the running models says what it means and its expected false-alert
 * rate is within the configured maximum for every calibrated group, not only on average (one threshold for everyone:
 * the group it serves worst decides) (on top of the raw floor, which holds whatever the calibration says).
 */
public final class ThresholdRules {

    private ThresholdRules() {
    }

    /**
     * Why a calibrated threshold is over the cap, naming the group it serves worst and that group's rate ("group F:
     * about 1 in 530 (0.189 %) above the maximum 1 in 1,000"); empty when it is within it or uncalibrated.
     */
    public static Optional<String> excess(Optional<ThresholdRates> rates, double maxFalseAlertRate) {
        return rates.filter(r -> r.worstFalseAlertRate() > maxFalseAlertRate).map(r -> String.format(Locale.UK,
                "at threshold %s the calibrated false-alert rate of %s is about 1 in %,d (%.3f %%), above the maximum"
                        + " 1 in %,d (lfr.governance.max-false-alert-rate)", r.threshold(),
                r.worstGroupName().equals("everyone") ? "everyone" : "group " + r.worstGroupName(),
                Math.round(1 / r.worstFalseAlertRate()), 100 * r.worstFalseAlertRate(),
                Math.round(1 / maxFalseAlertRate)));
    }

    /** Unmet rules for a threshold with these calibrated rates (empty: none) under {@code maxFalseAlertRate}. */
    public static List<GateRule> unmet(Optional<ThresholdRates> rates, double maxFalseAlertRate) {
        List<GateRule> unmet = new ArrayList<>();
        if (rates.isEmpty()) {
            unmet.add(GateRule.THRESHOLD_NOT_CALIBRATED);
        } else if (rates.get().worstFalseAlertRate() > maxFalseAlertRate) {
            unmet.add(GateRule.FALSE_ALERT_RATE_TOO_HIGH);
        }
        return unmet;
    }
}
