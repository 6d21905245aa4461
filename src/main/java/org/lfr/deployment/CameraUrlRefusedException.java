package org.lfr.deployment;

import java.util.List;

import org.lfr.common.InvalidInputException;

import io.smallrye.graphql.api.ErrorCode;

/** A stream URL the service will not open; {@code invalid-input} with the refusal as {@code reason}. */
@ErrorCode(org.lfr.common.ErrorCode.Codes.INVALID_INPUT)
public class CameraUrlRefusedException extends InvalidInputException {

    public CameraUrlRefusedException(CameraUrlRefusal refusal, String message) {
        super("streamUrl: " + message, List.of(new FieldError("streamUrl", message)), refusal.name());
    }
}
