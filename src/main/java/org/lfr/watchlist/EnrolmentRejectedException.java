package org.lfr.watchlist;

import org.lfr.common.InvalidInputException;

/** An enrolment image refused for a machine-readable {@link EnrolmentRejection}; code {@code invalid-input}. */
@io.smallrye.graphql.api.ErrorCode(org.lfr.common.ErrorCode.Codes.INVALID_INPUT)
public class EnrolmentRejectedException extends InvalidInputException {

    private final EnrolmentRejection reason;

    public EnrolmentRejectedException(EnrolmentRejection reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public EnrolmentRejection reason() {
        return reason;
    }
}
