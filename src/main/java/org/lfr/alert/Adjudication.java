package org.lfr.alert;

public enum Adjudication {
    CONFIRMED_MATCH, FALSE_ALERT, NOT_ENGAGED
}
