package org.lfr.common;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode(org.lfr.common.ErrorCode.Codes.NOT_FOUND)
public class NotFoundException extends ServiceException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }

    @Override
    public org.lfr.common.ErrorCode code() {
        return org.lfr.common.ErrorCode.NOT_FOUND;
    }
}
