package org.lfr.common;

/** A governance rule with a stable machine-readable name and the sentence a person reads when it is unmet. */
public interface RuleCode {

    String name();

    String description();
}
