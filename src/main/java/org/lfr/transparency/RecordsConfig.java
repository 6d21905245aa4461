package org.lfr.transparency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lfr.records")
public interface RecordsConfig {

    /** How often the records of newly closed deployments are generated. */
    @WithDefault("5m")
    String every();

    /**
     * How long the public lists (notices, planned deployments, published records) are served from memory: anyone may
     * ask for them without signing in, so a flood of requests reads the database once per period, and a new notice
     * or record is public within it.
     */
    @WithDefault("10s")
    java.time.Duration publicCacheTtl();
}
