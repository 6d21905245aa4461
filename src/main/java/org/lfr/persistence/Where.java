package org.lfr.persistence;

import io.quarkus.panache.common.Parameters;

/** A Panache where-clause built from optional filter parts: a part whose value is null is left out. */
public final class Where {

    private final StringBuilder text = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is not null. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            text.append(" and ").append(condition);
            parameters.and(name, value);
        }
        return this;
    }

    /** Adds a condition without parameters when {@code when} holds. */
    public Where andIf(boolean when, String condition) {
        if (when) {
            text.append(" and ").append(condition);
        }
        return this;
    }

    /** The clause alone (a count). */
    public String clause() {
        return text.toString();
    }

    /** The query: this clause, then the order. */
    public String orderBy(String order) {
        return text + " order by " + order;
    }

    public Parameters parameters() {
        return parameters;
    }
}
