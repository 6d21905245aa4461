package org.lfr.watchlist;

/** Who may be on a watchlist at all; anything else cannot be entered. */
public enum WatchlistCategory {
    WANTED_BY_COURT, WANTED_SERIOUS_OR_VIOLENT_OFFENCE, SUSPECT, MISSING_PERSON, VULNERABLE_PERSON, RISK_TO_SELF_OR_OTHERS
}
