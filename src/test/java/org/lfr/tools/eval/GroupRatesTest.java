package org.lfr.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The group arithmetic of scripts/evaluate --groups on a hand-made score set with known answers. */
class GroupRatesTest {

    static GroupRates.Probe nonMated(String who, double score) {
        return new GroupRates.Probe(who, who + ".jpg", false, false, score);
    }

    static GroupRates.Probe mated(String who, boolean correct, double score) {
        return new GroupRates.Probe(who, who + ".jpg", true, correct, score);
    }

    // women: two people not enrolled (scores 0.9, 0.5 and 0.4, 0.3) and one enrolled, found once of twice
    static final List<GroupRates.Probe> WOMEN = List.of(nonMated("a", 0.9), nonMated("a", 0.5), nonMated("b", 0.4),
            nonMated("b", 0.3), mated("e", true, 0.95), mated("e", false, 0.9));
    // men: four people not enrolled, one probe each
    static final List<GroupRates.Probe> MEN = List.of(nonMated("c", 0.85), nonMated("d", 0.1), nonMated("f", 0.2),
            nonMated("g", 0.3));

    final GroupRates rates = new GroupRates(2000, 42);

    @Test
    void wilsonIntervalsMatchTheirFormula() {
        double[] quarter = GroupRates.wilson(1, 4);
        assertThat(quarter[0]).isCloseTo(0.0456, within(1e-4));
        assertThat(quarter[1]).isCloseTo(0.6994, within(1e-4));
        double[] none = GroupRates.wilson(0, 100);
        assertThat(none[0]).isZero();
        assertThat(none[1]).isCloseTo(0.0370, within(1e-4));
    }

    @Test
    void ratesCountWhatTheyShould() {
        GroupRates.Rate fpir = rates.fpir(WOMEN, 0.8);
        assertThat(fpir.hits()).isEqualTo(1);
        assertThat(fpir.of()).isEqualTo(4);
        assertThat(fpir.value()).isEqualTo(0.25);
        assertThat(rates.fpir(WOMEN, 0.4).value()).isEqualTo(0.75);
        GroupRates.Rate tpir = rates.tpir(WOMEN, 0.8);
        assertThat(tpir.value()).as("a wrong top candidate is no identification, however high").isEqualTo(0.5);
        assertThat(rates.tpir(WOMEN, 0.96).value()).isZero();
        // the identity bootstrap: person a's two probes go in and out together
        assertThat(fpir.ci95()[0]).isLessThanOrEqualTo(0.25);
        assertThat(fpir.ci95()[1]).isGreaterThanOrEqualTo(0.25).isLessThanOrEqualTo(1.0);
        // one person in four alerts: resampling four people gives 0..4 alerting, binomially (P(k <= 2) = 0.95)
        assertThat(rates.fpir(MEN, 0.8).ci95()).containsExactly(0.0, 0.75);
        // no event: every resample gives 0, so the exact bound over people: 1 - 0.05^(1/4) = 0.527129 for 4 men
        assertThat(rates.fpir(MEN, 0.9).ci95()[1]).isCloseTo(0.527129, within(1e-6));
        // no miss among woman e's probes at 0.85: from below, 1 - (1 - 0.05^(1/1)) = 0.05
        assertThat(rates.tpir(List.of(mated("e", true, 0.95), mated("e", true, 0.9)), 0.85).ci95()[0])
                .isCloseTo(0.05, within(1e-12));
    }
}
