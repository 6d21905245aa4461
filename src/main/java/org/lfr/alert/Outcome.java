package org.lfr.alert;

public enum Outcome {
    ARREST, ADVICE, NO_FURTHER_ACTION, OTHER
}
