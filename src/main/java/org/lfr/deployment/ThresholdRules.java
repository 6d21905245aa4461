package org.lfr.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A threshold is acceptable when the calibration of the running models says what it means and its expected false-alert
 * rate is within the configured maximum (on top of the raw floor, which holds whatever the calibration says).
 */
public final class ThresholdRules {

    private ThresholdRules() {
    }

    /** Unmet rules for a threshold with these calibrated rates (empty: none) under {@code maxFalseAlertRate}. */
    public static List<GateRule> unmet(Optional<ThresholdRates> rates, double maxFalseAlertRate) {
        List<GateRule> unmet = new ArrayList<>();
        if (rates.isEmpty()) {
            unmet.add(GateRule.THRESHOLD_NOT_CALIBRATED);
        } else if (rates.get().falseAlertRate() > maxFalseAlertRate) {
            unmet.add(GateRule.FALSE_ALERT_RATE_TOO_HIGH);
        }
        return unmet;
    }
}
