package org.lfr.recognition.enrol;

import org.lfr.common.InvalidInputException;

/** An enrolment image refused for a machine-readable {@link EnrolmentRejection}; code {@code invalid-input}. */
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
