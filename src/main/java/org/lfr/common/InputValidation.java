package org.lfr.common;

import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Bean Validation of inputs, failing with one {@code invalid-input} error that names every offending field. */
@ApplicationScoped
public class InputValidation {

    @Inject
    Validator validator;

    public <T> T check(T input) {
        if (input == null) {
            throw new InvalidInputException("input is required");
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(InputValidation::describe)
                    .collect(Collectors.joining("; ")));
        }
        return input;
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }

    private static String describe(ConstraintViolation<?> v) {
        return v.getPropertyPath() + ": " + v.getMessage();
    }
}
