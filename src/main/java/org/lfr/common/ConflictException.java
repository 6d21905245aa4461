package org.lfr.common;

import io.smallrye.graphql.api.ErrorCode;

/** The request contradicts the current state (wrong lifecycle state, frozen list, already decided). */
@ErrorCode(org.lfr.common.ErrorCode.Codes.CONFLICT)
public class ConflictException extends ServiceException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public org.lfr.common.ErrorCode code() {
        return org.lfr.common.ErrorCode.CONFLICT;
    }
}
