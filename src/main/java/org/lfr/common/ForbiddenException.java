package org.lfr.common;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The caller holds a role that may do this in general but not here (their own deployment, a deployment they do not
 * operate). The same code as a role refusal.
 */
@ErrorCode(org.lfr.common.ErrorCode.Codes.FORBIDDEN)
public class ForbiddenException extends ServiceException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public org.lfr.common.ErrorCode code() {
        return org.lfr.common.ErrorCode.FORBIDDEN;
    }
}
