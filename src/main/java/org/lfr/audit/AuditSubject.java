package org.lfr.audit;

/** What an audit event is about, stored by its lower-case name. */
public enum AuditSubject {
    DEPLOYMENT, WATCHLIST, WATCHLIST_ENTRY, ALERT, OPERATION, SERVICE;

    public String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
