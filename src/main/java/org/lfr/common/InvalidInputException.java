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
    private final String reason;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<FieldError> fieldErrors) {
        this(message, fieldErrors, null);
    }

    /** {@code reason}: a machine-readable name of why (an enum constant's name), shown as {@code reason}. */
    protected InvalidInputException(String message, List<FieldError> fieldErrors, String reason) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.reason = reason;
    }

    /** A broken rule about one field; the message names the field first, as every input error does. */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Why, by a stable name (NO_FACE, SCHEME_NOT_ALLOWED, …), where the refusal has one; else null. */
    public String reason() {
        return reason;
    }

    @Override
    public org.lfr.common.ErrorCode code() {
        return org.lfr.common.ErrorCode.INVALID_INPUT;
    }
}
