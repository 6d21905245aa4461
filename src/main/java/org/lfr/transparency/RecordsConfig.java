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

    /**
     * How the published record names who authorised and who published a deployment: by role, as the force labels it
     * (a rank or a team), never by a person's name or username.
     */
    RoleLabels roleLabels();

    interface RoleLabels {
        /** Supervisors authorise deployments and publish records. */
        @WithDefault("Supervisor")
        String supervisor();

        @WithDefault("Data protection officer")
        String dpo();
    }
}
