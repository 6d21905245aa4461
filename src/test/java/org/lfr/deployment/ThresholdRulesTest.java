package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ThresholdRulesTest {

    static ThresholdRates rates(double falseAlertRate) {
        return new ThresholdRates(0.8, 0.8, falseAlertRate, 1, 0.95, List.of(), "test set", 1000, 500, "2026-11-30");
    }

    @Test
    void aThresholdNeedsACalibrationAndAFalseAlertRateWithinTheMaximum() {
        assertThat(ThresholdRules.unmet(Optional.empty(), 0.001)).containsExactly(GateRule.THRESHOLD_NOT_CALIBRATED);
        assertThat(ThresholdRules.unmet(Optional.of(rates(0.0013)), 0.001))
                .containsExactly(GateRule.FALSE_ALERT_RATE_TOO_HIGH);
        assertThat(ThresholdRules.unmet(Optional.of(rates(0.001)), 0.001)).as("at the maximum is allowed").isEmpty();
        assertThat(ThresholdRules.unmet(Optional.of(rates(0.0)), 0.001)).isEmpty();
    }

    @Test
    void theRatesReadAsASentence() {
        assertThat(rates(0.00076).getSentence()).isEqualTo("At threshold 0.800 about 1 in 1,316 passers-by not on the"
                + " watchlist would alert; about 95 % of watchlist people seen would be found (measured on test set,"
                + " 1,000 + 500 faces).");
        ThresholdRates none = new ThresholdRates(0.9, 0.9, 0, 0, 0.5, List.of(), "test set", 1000, 500, "2026-11-30");
        assertThat(none.getSentence()).contains("none of the 1,000 passers-by not on the watchlist alerted (fewer than 1"
                + " in 1,000)");
    }
}
