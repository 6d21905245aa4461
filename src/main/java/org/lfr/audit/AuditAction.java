package org.lfr.audit;

/**
 * Everything the audit trail records, by its stored name. A state change that can be refused has a refusal action,
 * recorded (in a transaction of its own) when the caller may not or a rule is unmet.
 */
public enum AuditAction {
    DEPLOYMENT_CREATED, DEPLOYMENT_CREATED_REFUSED,
    DEPLOYMENT_UPDATED, DEPLOYMENT_UPDATED_REFUSED,
    CAMERA_ADDED, CAMERA_ADDED_REFUSED,
    /** A camera taken off a draft: its name, and whether a sign had been recorded for it (that record goes too). */
    CAMERA_REMOVED, CAMERA_REMOVED_REFUSED,
    DEPLOYMENT_SUBMITTED, DEPLOYMENT_SUBMITTED_REFUSED,
    DEPLOYMENT_AUTHORISED, DEPLOYMENT_AUTHORISED_REFUSED,
    DEPLOYMENT_REJECTED, DEPLOYMENT_REJECTED_REFUSED,
    DEPLOYMENT_CANCELLED, DEPLOYMENT_CANCELLED_REFUSED,
    MATCH_THRESHOLD_SET, MATCH_THRESHOLD_SET_REFUSED,
    /** The officers assigned to operate a deployment changed: who, added and removed. */
    OPERATORS_ASSIGNED, OPERATORS_ASSIGNED_REFUSED,
    DEPLOYMENT_STARTED, DEPLOYMENT_STARTED_REFUSED,
    DEPLOYMENT_PAUSED, DEPLOYMENT_PAUSED_REFUSED,
    DEPLOYMENT_RESUMED, DEPLOYMENT_RESUMED_REFUSED,
    DEPLOYMENT_CLOSED, DEPLOYMENT_CLOSED_REFUSED,
    DEPLOYMENT_SUSPENDED, DEPLOYMENT_SUSPENDED_REFUSED,

    WATCHLIST_ENTRY_PROPOSED, WATCHLIST_ENTRY_PROPOSED_REFUSED,
    WATCHLIST_ENTRY_REMOVED, WATCHLIST_ENTRY_REMOVED_REFUSED,
    WATCHLIST_ENTRY_OVERRIDDEN, WATCHLIST_ENTRY_OVERRIDDEN_REFUSED,
    WATCHLIST_APPROVED, WATCHLIST_APPROVAL_REFUSED,
    ENROLMENT_IMAGE_STORED, ENROLMENT_IMAGE_STORED_REFUSED,
    ENROLMENT_IMAGE_READ, ENROLMENT_IMAGE_READ_REFUSED,
    WATCHLIST_PURGED,

    NOTICE_PUBLISHED, NOTICE_PUBLISHED_REFUSED,
    SIGNAGE_PLACED, SIGNAGE_PLACED_REFUSED,
    SIGNAGE_REMOVED, SIGNAGE_REMOVED_REFUSED,
    LEAFLETS_RECORDED, LEAFLETS_RECORDED_REFUSED,

    ALERT_RAISED,
    /** The first frame a device or officer pushes to a camera (per run of the camera): who feeds it. */
    FRAMES_PUSHED, FRAMES_PUSHED_REFUSED,
    ALERT_ADJUDICATED, ALERT_ADJUDICATED_REFUSED,
    ALERT_CROP_READ, ALERT_CROP_READ_REFUSED,
    LEGAL_HOLD_PLACED, LEGAL_HOLD_PLACED_REFUSED,
    LEGAL_HOLD_RELEASED, LEGAL_HOLD_RELEASED_REFUSED,
    ALERTS_EXPIRED,

    DEPLOYMENT_RECORD_GENERATED,
    DEPLOYMENT_RECORD_PUBLISHED, DEPLOYMENT_RECORD_PUBLISHED_REFUSED,

    /** A role refusal ({@code @RolesAllowed}): who tried which operation; the first of a caller's minute. */
    ACCESS_REFUSED,
    /** The further refusals of the same caller and operation in that minute, counted in one row. */
    ACCESS_REFUSED_REPEATED,

    /** The service itself: started, stopping, and a database outage as it saw it (recorded once it is over). */
    SERVICE_STARTED, SERVICE_STOPPED, DATABASE_OUTAGE,

    /** The service's first start on a database restored from a backup: both times, and the backup's chain head. */
    RESTORED_FROM_BACKUP;

    /** The action recorded when this one is refused; an action that is never refused has none. */
    public AuditAction refused() {
        if (this == WATCHLIST_APPROVED) {
            return WATCHLIST_APPROVAL_REFUSED; // the name the trail has always used
        }
        try {
            return valueOf(name() + "_REFUSED");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(this + " is not refused by anyone: it has no refusal action", e);
        }
    }
}
