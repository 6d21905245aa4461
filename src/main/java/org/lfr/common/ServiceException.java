package org.lfr.common;

/** A refusal the caller can act on: its message is shown to them, its {@link ErrorCode} is the API's code. */
public abstract class ServiceException extends RuntimeException {

    protected ServiceException(String message) {
        super(message);
    }

    public abstract ErrorCode code();
}
