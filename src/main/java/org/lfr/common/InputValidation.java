package org.lfr.common;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Bean Validation of inputs at the services' door, so GraphQL, REST and the demo get the same {@code invalid-input}
 * error with one {@link InvalidInputException.FieldError} per broken constraint. (SmallRye GraphQL's own {@code @Valid}
 * handling would answer with another error shape, without our code, and echo the invalid values back.)
 */
@ApplicationScoped
public class InputValidation {

    /** A reason a person writes for a decision (rejection, override, exemption, hold): 1 to 2,000 characters. */
    public static final int MAX_REASON = 2000;

    private final Validator validator;

    public InputValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T input) {
        if (input == null) {
            throw InvalidInputException.of("input", "is required");
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<InvalidInputException.FieldError> errors = violations.stream()
                    .map(v -> new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(InvalidInputException.FieldError::field)
                            .thenComparing(InvalidInputException.FieldError::message))
                    .toList();
            throw new InvalidInputException(errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        return input;
    }

    /** Fails with {@code field: message} unless {@code condition} holds. */
    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw InvalidInputException.of(field, message);
        }
    }

    /** A written reason for a decision; {@code null} only where {@code optional}. */
    public static String requireReason(String field, String reason, boolean optional) {
        if (reason == null && optional) {
            return null;
        }
        require(reason != null && !reason.isBlank() && reason.length() <= MAX_REASON, field,
                "must be 1 to " + MAX_REASON + " characters" + (optional ? " when given" : ""));
        return reason;
    }
}
