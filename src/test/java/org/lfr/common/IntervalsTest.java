package org.lfr.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void wilsonOnTheReviewsEightOfFortyTwo() {
        double[] share = Intervals.wilson(8, 42);
        assertThat(share[0]).isCloseTo(0.1000, within(0.0005));
        assertThat(share[1]).isCloseTo(0.3332, within(0.0005));
        assertThat(Intervals.wilson(0, 10)[0]).isZero();
        assertThat(Intervals.wilson(10, 10)[1]).isEqualTo(1);
    }

    @Test
    void exactPoissonBoundsMatchTheTables() {
        assertThat(Intervals.poisson(0)[0]).isZero();
        assertThat(Intervals.poisson(0)[1]).isCloseTo(3.689, within(0.001));
        assertThat(Intervals.poisson(2)[0]).isCloseTo(0.2422, within(0.0005));
        assertThat(Intervals.poisson(2)[1]).isCloseTo(7.2247, within(0.0005));
        assertThat(Intervals.poisson(216)[0]).isCloseTo(188.2, within(0.5));
        assertThat(Intervals.poisson(216)[1]).isCloseTo(246.8, within(0.5));
    }
}
