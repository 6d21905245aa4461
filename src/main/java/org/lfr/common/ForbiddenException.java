package org.lfr.common;

/**
 * The caller holds a role that may do this in general but not here (their own deployment, a deployment they do not
 * operate). Code {@code forbidden}, like a role refusal.
 */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
