package org.lfr.watchlist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What enrolment may cost. Each default stated here only (image size limits: {@code lfr.images}). */
@ConfigMapping(prefix = "lfr.watchlist")
public interface WatchlistConfig {

    /** Enrolment requests (single or bulk) one user may have running at once; more are answered 429. */
    @WithDefault("2")
    int enrolmentsPerUser();

    /** Entries a bulk-enrolment zip may hold (any kind), counted while it is read. */
    @WithDefault("2000")
    int bulkMaxEntries();

    /** Uncompressed bytes a bulk-enrolment zip may expand to, counted while it is read. */
    @WithDefault("268435456")
    long bulkMaxTotalBytes();

    /** The look-alike check of new entries (docs/FAIRNESS.md, "Look-alike risk"). */
    Lookalike lookalike();

    interface Lookalike {

        /**
         * The cohort of faces of people on no watchlist that each new entry is scored against; relative to the models
         * folder unless absolute. A force replaces it with its own (built by {@code scripts/evaluate --cohort-out}).
         */
        @WithDefault("cohort.json")
        String cohortFile();

        /**
         * An entry is flagged to the approving supervisor when its expected false-alert rate is at least this many
         * times the rate the calibration expects of one entry (the calibrated list's rate over its size).
         */
        @WithDefault("5")
        double warnMultiple();
    }
}
