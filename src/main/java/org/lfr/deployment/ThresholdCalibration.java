package org.lfr.deployment;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a match threshold means in rates, from the calibration that travels with the models. Deployment rules need
 * it; the recognition runtime, which knows the models, implements it.
 */
public interface ThresholdCalibration {

    /** The calibrated rates at {@code threshold}, or empty when no calibration matches the running models. */
    Optional<ThresholdRates> at(double threshold);

    /** Every calibrated threshold with its rates, lowest first; empty when there is no valid calibration. */
    List<ThresholdRates> table();

    /** Why there are no rates (no file, other models): empty when there are. */
    Optional<String> unavailableBecause();

    /**
     * How many people the calibration's watchlist had: its false-alert rate is that whole list's, so one entry's
     * share is the rate over this (the look-alike check compares an entry with it). Empty when there are no rates.
     */
    OptionalInt watchlistSize();
}
