package org.lfr.watchlist;

import org.lfr.common.InvalidInputException;

/** An enrolment image refused for a machine-readable {@link EnrolmentRejection}; code {@code invalid-input}. */
@io.smallrye.graphql.api.ErrorCode(org.lfr.common.ErrorCode.Codes.INVALID_INPUT)
public class EnrolmentRejectedException extends InvalidInputException {

    private final EnrolmentRejection rejection;

    public EnrolmentRejectedException(EnrolmentRejection rejection, String message) {
        super(rejection + ": " + message, java.util.List.of(), rejection.name());
        this.rejection = rejection;
    }

    public EnrolmentRejection rejection() {
        return rejection;
    }
}
