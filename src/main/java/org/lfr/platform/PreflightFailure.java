package org.lfr.platform;

/** The service cannot start because something it depends on is missing; the message says what to do. */
public class PreflightFailure extends RuntimeException {

    public PreflightFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public PreflightFailure(String message) {
        super(message);
    }
}
