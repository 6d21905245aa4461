package org.lfr.deployment;

import org.lfr.common.RuleCode;

/**
 * The rules that must hold before a deployment is authorised, before it starts (and resumes), and before its
 * watchlist is approved. Clients get the name (stable, machine-readable) and the sentence (for the person who must
 * fix it).
 */
public enum GateRule implements RuleCode {
    NOT_AUTHORISED("The deployment has not been authorised.",
            "Authorised by a supervisor"),
    FOUR_EYES("A supervisor other than the officer who drafted it must authorise it.",
            "Authorised by a supervisor who did not draft it"),
    OUTSIDE_AUTHORISED_WINDOW("Now is outside the deployment's authorised time window.",
            "Now is inside the authorised time window (planned start to planned end)"),
    DPIA_MISSING("A data protection impact assessment reference is required.",
            "A data protection impact assessment (DPIA) reference is recorded"),
    COMMUNITY_NOTICE_LEAD_TIME("A community notice must be published the configured lead time before the start,"
            + " unless a critical-threat exemption was recorded at authorisation.",
            "A community notice published at least {lead} before the start, or an exemption recorded"),
    NO_CAMERAS("The deployment has no cameras.",
            "At least one camera is added"),
    SIGNAGE_NOT_PLACED("Every camera needs a sign in place telling the public that LFR is in use.",
            "Every camera has a sign in place"),
    WATCHLIST_NOT_APPROVED("A supervisor must approve the watchlist.",
            "The watchlist is approved by a supervisor"),
    WATCHLIST_NOT_FROZEN("The watchlist must be approved and then frozen by the authorisation.",
            "The approved watchlist is frozen by the authorisation"),
    WATCHLIST_EMPTY("The watchlist has no entries.",
            "The watchlist has at least one entry"),
    WATCHLIST_TOO_LARGE("The watchlist has more entries than the configured maximum.",
            "The watchlist has at most {max} entries"),
    ENTRY_OVERRIDE_MISSING("An entry for an under-18 subject or with an old image needs a supervisor's written"
            + " override.",
            "Every entry for an under-18 subject or with an old image has a supervisor's written override"),
    FALSE_ALERT_RATE_TOO_HIGH("At this match threshold the calibrated false-alert rate is above the configured"
            + " maximum (lfr.governance.max-false-alert-rate): raise the threshold.",
            "The calibrated false-alert rate at the match threshold is within the configured maximum"),
    THRESHOLD_NOT_CALIBRATED("No calibration matches the running models, so nobody can say what the threshold means:"
            + " calibrate them (scripts/evaluate --calibration-out) before authorising or starting.",
            "A calibration of the running models says what the match threshold means");

    private final String description;
    private final String requirement;

    GateRule(String description, String requirement) {
        this.description = description;
        this.requirement = requirement;
    }

    /**
     * The state the rule needs, phrased so that a tick beside it reads true ("Every camera has a sign in place"),
     * with the configured figures filled in; {@link #description()} is the refusal's sentence.
     */
    public String requirement(java.time.Duration noticeLeadTime, int maxWatchlistSize) {
        return requirement.replace("{lead}", lead(noticeLeadTime)).replace("{max}", String.valueOf(maxWatchlistSize));
    }

    private static String lead(java.time.Duration d) {
        return d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    @Override
    public String description() {
        return description;
    }
}
