package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The arithmetic of issue #22 on known numbers: the cap judged on the worst group, the expected false alerts and
 * their range, and the sequential test's decisions and its false-verdict rate.
 */
class EvidenceArithmeticTest {

    /** The shipped calibration at 0.81: everyone 3 of 3,945; women 2 of 1,060; men 1 of 2,883. */
    static final ThresholdRates AT_081 = new ThresholdRates(0.81, 0.81, 0.00076, 3, 0.932, List.of(
            new ThresholdRates.GroupRates("F", 0.001887, 2, 0.893, 1060, 374),
            new ThresholdRates.GroupRates("M", 0.000347, 1, 0.945, 2883, 1147)), "lfw", 3945, 1521, "2026-11-30");

    @Test
    void theCapHoldsForTheWorstGroupNotTheAverage() {
        assertThat(AT_081.falseAlertRate()).as("everyone: under the cap").isLessThan(0.001);
        assertThat(ThresholdRules.unmet(Optional.of(AT_081), 0.001)).containsExactly(GateRule.FALSE_ALERT_RATE_TOO_HIGH);
        assertThat(ThresholdRules.excess(Optional.of(AT_081), 0.001)).hasValueSatisfying(why -> assertThat(why)
                .contains("group F").contains("about 1 in 530 (0.189 %)").contains("above the maximum 1 in 1,000"));
        assertThat(AT_081.worstGroupName()).isEqualTo("F");
        assertThat(ThresholdRules.unmet(Optional.of(AT_081), 0.002)).as("a laxer cap allows it").isEmpty();
        ThresholdRates noGroups = new ThresholdRates(0.8, 0.8, 0.0013, 5, 0.9, List.of(), "x", 3945, 1521, "d");
        assertThat(ThresholdRules.excess(Optional.of(noGroups), 0.001)).hasValueSatisfying(why -> assertThat(why)
                .contains("of everyone"));
    }

    @Test
    void expectedFalseAlertsAndTheirRangeOnKnownNumbers() {
        // the example: 3,000 faces an hour for 5 h at a rate giving a mean of 2 → "about 2 (0–5)"
        ThresholdRates rates = new ThresholdRates(0.9, 0.9, 2.0 / 15_000, 2, 0.9, List.of(), "x", 15_000, 100, "d");
        ExpectedFalseAlerts e = ExpectedFalseAlerts.of(3000, 5, rates);
        assertThat(e.faces()).isEqualTo(15_000);
        assertThat(e.expected()).isCloseTo(2.0, within(1e-9));
        assertThat(e.low()).isZero();
        assertThat(e.high()).as("P(X ≤ 4) = 0.947, P(X ≤ 5) = 0.983 for a mean of 2").isEqualTo(5);
        assertThat(e.sentence()).startsWith("About 2 false alerts expected over 5 h at 3,000 faces an hour (0–5)");
        // Poisson(10): P(X ≤ 3) = 0.010, P(X ≤ 4) = 0.029; P(X ≤ 16) = 0.973, P(X ≤ 17) = 0.986
        assertThat(ExpectedFalseAlerts.poissonQuantile(10, 0.025)).isEqualTo(4);
        assertThat(ExpectedFalseAlerts.poissonQuantile(10, 0.975)).isEqualTo(17);

        // at 0.81 the headline is women's rate: 3,000 × 5 × 0.001887 = 28.3, and each group has its line
        ExpectedFalseAlerts at081 = ExpectedFalseAlerts.of(3000, 5, AT_081);
        assertThat(at081.basis()).isEqualTo("F");
        assertThat(at081.expected()).isCloseTo(28.305, within(1e-6));
        assertThat(at081.lines()).extracting(ExpectedFalseAlerts.Line::group).containsExactly("everyone", "F", "M");
        assertThat(at081.lines().get(0).expected()).isCloseTo(11.4, within(1e-6));
        assertThat(at081.low()).isLessThan(28).isGreaterThan(15);
        assertThat(at081.high()).isGreaterThan(29).isLessThan(45);
    }

    @Test
    void theSequentialTestDecidesAtTheCountsItsFormulaGives() {
        SequentialFalseAlertTest t = new SequentialFalseAlertTest(0.001, 2, 0.01);
        // ln(1/0.01) = 4.605; each false alert adds ln 2 = 0.693; each face takes ln(0.999/0.998) = 0.0010015 away
        assertThat(t.falseAlertsForVerdict(0)).isEqualTo(7);
        assertThat(t.excess(6, 6)).isFalse();
        assertThat(t.excess(7, 7)).isTrue();
        assertThat(t.falseAlertsForVerdict(10_000)).isEqualTo(22);
        assertThat(t.excess(21, 10_000)).isFalse();
        assertThat(t.excess(22, 10_000)).isTrue();
        assertThat(t.excess(10, 10_000)).as("the calibrated rate itself: 10 in 10,000").isFalse();
    }

    @Test
    void aDeploymentAtTheCalibratedRateIsFoundInExcessAtMostAlphaOfTheTime() {
        SequentialFalseAlertTest t = new SequentialFalseAlertTest(0.001, 2, 0.01);
        Random random = new Random(22);
        int deployments = 2000, faces = 20_000, falseVerdicts = 0, trueVerdicts = 0;
        for (int i = 0; i < deployments; i++) {
            if (runs(t, random, 0.001, faces)) {
                falseVerdicts++;
            }
            if (runs(t, random, 0.003, faces)) {
                trueVerdicts++;
            }
        }
        assertThat((double) falseVerdicts / deployments).as("false verdicts, bounded by alpha = 0.01").isLessThan(0.01);
        assertThat((double) trueVerdicts / deployments).as("at three times the rate, found within 20,000 faces")
                .isGreaterThan(0.95);
    }

    /** Faces one by one, checking after each false alert as the service does; whether a verdict came. */
    private static boolean runs(SequentialFalseAlertTest t, Random random, double rate, int faces) {
        long falseAlerts = 0;
        for (int n = 1; n <= faces; n++) {
            if (random.nextDouble() < rate) {
                falseAlerts++;
                if (t.excess(falseAlerts, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aRateCalibratedAsZeroIsHeldAtItsRuleOfThreeBound() {
        ThresholdRates none = new ThresholdRates(0.95, 0.95, 0, 0, 0.01, List.of(), "x", 3000, 100, "d");
        assertThat(SequentialFalseAlertTest.heldRate(none)).isEqualTo(0.001);
        assertThat(ExpectedFalseAlerts.of(1000, 2, none).expected()).as("never a confident zero").isEqualTo(2.0);
    }
}
