package org.lfr.deployment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits a force sets once, in configuration, so that no deployment can argue its way around them. Each default
 * is stated here only; {@code application.properties} overrides per profile.
 */
@ConfigMapping(prefix = "lfr.governance")
public interface GovernanceConfig {

    /** Longest planned deployment (the Met deploys for 5–6 hours). */
    @WithDefault("6h")
    Duration maxDuration();

    /** How long before the start a community notice must have been published. */
    @WithDefault("24h")
    Duration noticeLeadTime();

    /** No deployment may match below this cosine similarity (the fused score, docs/ACCURACY.md). */
    @WithDefault("0.78")
    double thresholdFloor();

    /** Threshold for deployments that do not set one; see docs/ACCURACY.md for how it was chosen. */
    @WithDefault("0.81")
    double defaultMatchThreshold();

    /**
     * The highest expected false-alert rate (FPIR on the calibration set) a deployment's threshold may imply: 1 in
     * 1,000 passers-by not on the watchlist, the figure of South Wales Police's SOP. Enforced when a threshold is
     * set and at authorisation and start (rules FALSE_ALERT_RATE_TOO_HIGH, THRESHOLD_NOT_CALIBRATED).
     */
    @WithDefault("0.001")
    double maxFalseAlertRate();

    @WithDefault("2000")
    int maxWatchlistSize();

    /** Enrolment images older than this need a supervisor's override. */
    @WithDefault("1095")
    int maxImageAgeDays();

    /** How often the service looks for deployments past their planned end (and closes them). */
    @WithDefault("1m")
    String expiryCheckEvery();
}
