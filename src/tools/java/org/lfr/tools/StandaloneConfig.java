package org.lfr.tools;

import org.lfr.deployment.GovernanceConfig;
import org.lfr.recognition.pipeline.RecognitionConfig;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The service's configuration outside the service (evaluation, benchmarks): the same mapping and defaults,
 * overridable by system properties and environment variables exactly as in the service.
 */
public final class StandaloneConfig {

    private StandaloneConfig() {
    }

    public static RecognitionConfig recognition() {
        return mapping(RecognitionConfig.class);
    }

    /** The governance limits (default threshold, floor) the service would apply. */
    public static GovernanceConfig governance() {
        return mapping(GovernanceConfig.class);
    }

    /** Any of the service's configuration mappings, with its defaults and the same overrides. */
    public static <T> T mapping(Class<T> type) {
        // Quarkus's converter: durations as the service writes them ("6h", "31d")
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors()
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(type).build();
        return config.getConfigMapping(type);
    }
}
