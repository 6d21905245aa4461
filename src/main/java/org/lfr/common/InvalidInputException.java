package org.lfr.common;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

/** Input that breaks a validation rule; nothing was changed. Each offending field is named in {@link #fieldErrors}. */
@ErrorCode(org.lfr.common.ErrorCode.Codes.INVALID_INPUT)
public class InvalidInputException extends ServiceException {

    /** One rule one field broke: {@code field} is the input's property path ({@code input.reference}). */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> fieldErrors;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A broken rule about one field; the message names the field first, as every input error does. */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public org.lfr.common.ErrorCode code() {
        return org.lfr.common.ErrorCode.INVALID_INPUT;
    }
}
