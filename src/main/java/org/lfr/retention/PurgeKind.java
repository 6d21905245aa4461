package org.lfr.retention;

/** What a purge deleted, as the purge log records it. */
public enum PurgeKind {
    /** A finished deployment's enrolment images and embeddings. */
    WATCHLIST_BIOMETRICS,
    /** Alerts (with their crops) past the retention period and not on legal hold. */
    ALERTS_EXPIRED
}
