package org.lfr.common;

/**
 * The machine-readable error codes of the API, in GraphQL's {@code errors[].extensions.code} and in REST error
 * bodies alike. Stated once here: each exception carries its code by annotation, so renaming a class cannot change
 * the API.
 */
public enum ErrorCode {
    INVALID_INPUT(Codes.INVALID_INPUT),
    NOT_FOUND(Codes.NOT_FOUND),
    CONFLICT(Codes.CONFLICT),
    FORBIDDEN(Codes.FORBIDDEN),
    GATE_NOT_MET(Codes.GATE_NOT_MET),
    TOO_MANY_REQUESTS(Codes.TOO_MANY_REQUESTS);

    /** The codes as constants, for annotations (which cannot take an enum's field). */
    public static final class Codes {
        public static final String INVALID_INPUT = "invalid-input";
        public static final String NOT_FOUND = "not-found";
        public static final String CONFLICT = "conflict";
        public static final String FORBIDDEN = "forbidden";
        public static final String GATE_NOT_MET = "gate-not-met";
        public static final String TOO_MANY_REQUESTS = "too-many-requests";

        private Codes() {
        }
    }

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
