package org.lfr.watchlist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lfr.watchlist")
public interface WatchlistConfig {

    /** Largest enrolment image accepted, in bytes. */
    @WithDefault("10485760")
    int maxImageBytes();
}
