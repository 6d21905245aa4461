package org.lfr.watchlist;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.deployment.ThresholdCalibration;

/** {@link LookalikeRisk} with the running calibration and the configured multiple. */
@ApplicationScoped
class LookalikeAssessor {

    private final ThresholdCalibration calibration;
    private final WatchlistConfig config;

    LookalikeAssessor(ThresholdCalibration calibration, WatchlistConfig config) {
        this.calibration = calibration;
        this.config = config;
    }

    /** Null when the entry has no cohort scores (no embedding, or no usable cohort when it was stored). */
    LookalikeRisk assess(double threshold, Integer cohortSize, Double floor, String scores) {
        LookalikeRisk.Baseline baseline = calibration.at(threshold)
                .flatMap(r -> calibration.watchlistSize().stream().boxed().findFirst()
                        .map(size -> new LookalikeRisk.Baseline(r, size)))
                .orElse(null);
        return LookalikeRisk.at(threshold, cohortSize, floor, scores, baseline, config.lookalike().warnMultiple());
    }
}
