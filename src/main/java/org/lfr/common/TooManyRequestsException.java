package org.lfr.common;

import io.smallrye.graphql.api.ErrorCode;

/** The caller already has as much work running as they may; try again when it is done. HTTP 429. */
@ErrorCode(org.lfr.common.ErrorCode.Codes.TOO_MANY_REQUESTS)
public class TooManyRequestsException extends ServiceException {

    public TooManyRequestsException(String message) {
        super(message);
    }

    @Override
    public org.lfr.common.ErrorCode code() {
        return org.lfr.common.ErrorCode.TOO_MANY_REQUESTS;
    }
}
