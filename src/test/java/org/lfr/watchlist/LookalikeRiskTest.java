package org.lfr.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.ThresholdRates;

/** An entry's look-alike rate, its upper bound when no cohort face matches, and when it is flagged: plain Java. */
class LookalikeRiskTest {

    /** The shipped calibration at 0.81: 3 false alerts of 3,945 passers-by, with a list of 425 people. */
    static final LookalikeRisk.Baseline BASELINE = new LookalikeRisk.Baseline(new ThresholdRates(0.81, 0.81,
            3 / 3945.0, 3, 0.93, List.of(), "lfw", 3945, 1521, "2026-11-30"), 425);

    @Test
    void aCohortFaceAtTheThresholdMakesARateAndAFlagWithItsMultiple() {
        LookalikeRisk risk = LookalikeRisk.at(0.81, 1000, 0.78, "0.99500,0.81000,0.79000", BASELINE, 5);

        assertThat(risk.cohortMatches()).as("0.79 is under the threshold, 0.81 is at it").isEqualTo(2);
        assertThat(risk.rate()).isEqualTo(0.002);
        assertThat(risk.upperBound()).isFalse();
        // an entry's share of the list's rate: (3/3945)/425 = 1.79e-6; 0.002 is about 1,118 times that
        assertThat(risk.multiple()).isCloseTo(0.002 / (3 / 3945.0 / 425), within(1e-6));
        assertThat(risk.multipleOfList()).isCloseTo(0.002 / (3 / 3945.0), within(1e-9));
        assertThat(risk.warning()).contains("about 1 in 500 passers-by", "2 of 1,000", "1,118x",
                "its list of 425 people alerts on 1 in 1,315 passers-by: about 1 in 558,875 per entry", "2.6x the whole");
    }

    @Test
    void noCohortFaceAtTheThresholdGivesTheUpperBoundAndNoFlag() {
        LookalikeRisk risk = LookalikeRisk.at(0.81, 1000, 0.78, "0.79000", BASELINE, 5);

        assertThat(risk.cohortMatches()).isZero();
        assertThat(risk.upperBound()).isTrue();
        assertThat(risk.rate()).as("1 - 0.05^(1/1000), the rule of three's 3/1000").isCloseTo(0.002991, within(1e-6));
        assertThat(risk.warning()).isNull();
        assertThat(risk.multiple()).isNull();
        assertThat(risk.sentence()).isEqualTo("fewer than 1 in 334 passers-by (none of 1,000 cohort faces; 95 % upper"
                + " bound)");
        assertThat(LookalikeRisk.at(0.81, 1000, 0.78, "", BASELINE, 5).upperBound()).isTrue();
    }

    @Test
    void aMultipleUnderTheConfiguredOneIsNotFlagged() {
        assertThat(LookalikeRisk.at(0.81, 1000, 0.78, "0.9", BASELINE, 5).warning()).isNotNull();
        assertThat(LookalikeRisk.at(0.81, 1000, 0.78, "0.9", BASELINE, 1000).warning())
                .as("1 of 1,000 is about 559x an entry's share: under a multiple of 1,000").isNull();
    }

    @Test
    void noRateWithoutScoresOrBelowTheFloorTheyWereKeptFrom() {
        assertThat(LookalikeRisk.at(0.81, null, null, null, BASELINE, 5)).as("no usable cohort at enrolment").isNull();
        assertThat(LookalikeRisk.at(0.77, 1000, 0.78, "0.9", BASELINE, 5))
                .as("faces between 0.77 and 0.78 were not kept: a count would flatter").isNull();
    }

    @Test
    void withoutCalibrationTheRateIsGivenButNothingIsFlagged() {
        LookalikeRisk risk = LookalikeRisk.at(0.81, 1000, 0.78, "0.95", null, 5);

        assertThat(risk.rate()).isEqualTo(0.001);
        assertThat(risk.warning()).isNull();
        assertThat(risk.multiple()).isNull();
    }
}
