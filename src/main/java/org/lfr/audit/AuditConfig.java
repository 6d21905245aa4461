package org.lfr.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit trail's own checks. Each default stated here only. */
@ConfigMapping(prefix = "lfr.audit")
public interface AuditConfig {

    /** How often every replica verifies the whole hash chain (metric lfr_audit_chain_intact, alerted on). */
    @WithDefault("10m")
    String verifyEvery();
}
