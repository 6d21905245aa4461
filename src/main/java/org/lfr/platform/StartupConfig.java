package org.lfr.platform;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lfr.startup")
public interface StartupConfig {

    /** Refuse to start when the OIDC provider cannot be reached (tokens could not be verified). */
    @WithDefault("true")
    boolean requireOidc();

    /** Apply the schema migrations at start. A platform may run them as a separate job instead. */
    @WithDefault("true")
    boolean migrate();

    /**
     * Tests only: empty every table after migrating, so each test run starts from nothing. Refused unless the
     * database name ends in {@code _test}.
     */
    @WithDefault("false")
    boolean resetDataForTests();

    /** Exit after migrating: the Helm chart's pre-install/pre-upgrade migration Job. */
    @WithDefault("false")
    boolean migrateOnly();

    @WithDefault("5s")
    Duration oidcTimeout();
}
