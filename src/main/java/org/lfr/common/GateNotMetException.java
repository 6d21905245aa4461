package org.lfr.common;

import java.util.List;

/** A transition refused because rules are unmet; each rule by its stable name. Code {@code gate-not-met}. */
public class GateNotMetException extends RuntimeException {

    private final List<String> unmetRules;

    public GateNotMetException(String action, List<String> unmetRules) {
        super(action + " refused, unmet rules: " + String.join(", ", unmetRules));
        this.unmetRules = List.copyOf(unmetRules);
    }

    public List<String> unmetRules() {
        return unmetRules;
    }
}
