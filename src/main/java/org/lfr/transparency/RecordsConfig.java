package org.lfr.transparency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lfr.records")
public interface RecordsConfig {

    /** How often the records of newly closed deployments are generated. */
    @WithDefault("5m")
    String every();
}
