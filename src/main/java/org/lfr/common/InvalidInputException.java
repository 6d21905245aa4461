package org.lfr.common;

/** Input that breaks a validation rule; nothing was changed. GraphQL code {@code invalid-input}. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
