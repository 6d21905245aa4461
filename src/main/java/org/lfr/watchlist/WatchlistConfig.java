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
}
