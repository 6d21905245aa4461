package org.lfr.recognition;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The recognition configuration outside the service (evaluation, benchmarks): the same mapping and defaults,
 * overridable by system properties and environment variables exactly as in the service.
 */
public final class StandaloneConfig {

    private StandaloneConfig() {
    }

    public static RecognitionConfig recognition() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors()
                .withMapping(RecognitionConfig.class).build();
        return config.getConfigMapping(RecognitionConfig.class);
    }
}
