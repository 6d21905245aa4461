package org.lfr.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What may be kept how long. Each default stated here only. */
@ConfigMapping(prefix = "lfr.retention")
public interface RetentionConfig {

    /** Alerts (and their crops) are deleted this long after they occurred, unless on legal hold. */
    @WithDefault("31d")
    Duration alertRetention();

    /** Promise: a closed deployment's watchlist images and embeddings are gone within this time. */
    @WithDefault("15m")
    Duration watchlistPurgeDeadline();

    /** How often the retention job runs; the service refuses to start unless it is inside the purge deadline. */
    @WithDefault("1m")
    Duration every();
}
