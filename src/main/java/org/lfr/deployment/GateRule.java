package org.lfr.deployment;

import org.lfr.common.RuleCode;

/**
 * The rules that must hold before a deployment is authorised, before it starts (and resumes), and before its
 * watchlist is approved. Clients get the name (stable, machine-readable) and the sentence (for the person who must
 * fix it).
 */
public enum GateRule implements RuleCode {
    NOT_AUTHORISED("The deployment has not been authorised."),
    FOUR_EYES("A supervisor other than the officer who drafted it must authorise it."),
    OUTSIDE_AUTHORISED_WINDOW("Now is outside the deployment's authorised time window."),
    DPIA_MISSING("A data protection impact assessment reference is required."),
    COMMUNITY_NOTICE_LEAD_TIME("A community notice must be published the configured lead time before the start,"
            + " unless a critical-threat exemption was recorded at authorisation."),
    NO_CAMERAS("The deployment has no cameras."),
    SIGNAGE_NOT_PLACED("Every camera needs a sign in place telling the public that LFR is in use."),
    WATCHLIST_NOT_APPROVED("A supervisor must approve the watchlist."),
    WATCHLIST_NOT_FROZEN("The watchlist must be approved and then frozen by the authorisation."),
    WATCHLIST_EMPTY("The watchlist has no entries."),
    WATCHLIST_TOO_LARGE("The watchlist has more entries than the configured maximum."),
    ENTRY_OVERRIDE_MISSING("An entry for an under-18 subject or with an old image needs a supervisor's written"
            + " override."),
    FALSE_ALERT_RATE_TOO_HIGH("At this match threshold the calibrated false-alert rate of at least one group (or of"
            + " everyone) is above the configured maximum (lfr.governance.max-false-alert-rate): raise the threshold."),
    THRESHOLD_NOT_CALIBRATED("No calibration matches the running models, so nobody can say what the threshold means:"
            + " calibrate them (scripts/evaluate --calibration-out) before authorising or starting.");

    private final String description;

    GateRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
