package org.lfr.common;

/** The request contradicts the current state (wrong lifecycle state, frozen list, already decided). Code {@code conflict}. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
