package org.lfr.common;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
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
        List<InvalidInputException.FieldError> unsafe = new ArrayList<>();
        collectUnsafeText("", input, unsafe);
        if (!violations.isEmpty() || !unsafe.isEmpty()) {
            List<InvalidInputException.FieldError> errors = java.util.stream.Stream.concat(violations.stream()
                    .map(v -> new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage())),
                    unsafe.stream())
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
        String problem = unsafe(reason);
        if (problem != null) {
            throw InvalidInputException.of(field, problem);
        }
        return reason;
    }

    /**
     * Why a text may not be stored, or null: control characters (other than tab and line breaks) corrupt logs and
     * exports, and bidirectional overrides make a published text read differently from what was stored.
     */
    public static String unsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (control) {
                return String.format("contains a control character (U+%04X)", (int) c);
            }
            if (bidi) {
                return String.format("contains a bidirectional override (U+%04X)", (int) c);
            }
        }
        return null;
    }

    /** Every text in an input record (and in its lists and nested records), checked by {@link #unsafe}. */
    private static void collectUnsafeText(String path, Object value, List<InvalidInputException.FieldError> out) {
        if (value instanceof String text) {
            String problem = unsafe(text);
            if (problem != null) {
                out.add(new InvalidInputException.FieldError(path, problem));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnsafeText(path + "[" + i + "]", list.get(i), out);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    collectUnsafeText(path.isEmpty() ? component.getName() : path + "." + component.getName(),
                            component.getAccessor().invoke(value), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
