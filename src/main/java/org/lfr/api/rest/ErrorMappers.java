package org.lfr.api.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lfr.common.ErrorCode;
import org.lfr.common.GateNotMetException;
import org.lfr.common.InvalidInputException;
import org.lfr.common.ServiceException;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The REST side speaks the same error codes as GraphQL's {@code extensions.code}, with the same details. */
public class ErrorMappers {

    /**
     * {@code reason} names why (an enrolment rejection such as NO_FACE, a camera URL refusal…) where there is one; {@code fieldErrors}
     * and {@code unmetRules} as in GraphQL's extensions.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ErrorBody(String code, String message, String reason,
            List<InvalidInputException.FieldError> fieldErrors, List<String> unmetRules) {
    }

    @ServerExceptionMapper
    public Response refused(ServiceException e) {
        String reason = e instanceof InvalidInputException i ? i.reason() : null;
        List<InvalidInputException.FieldError> fields = e instanceof InvalidInputException i ? i.fieldErrors() : null;
        List<String> rules = e instanceof GateNotMetException g ? g.unmetRuleNames() : null;
        return Response.status(status(e.code())).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(e.code().code(), e.getMessage(), reason, fields, rules)).build();
    }

    static Response.Status status(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT, GATE_NOT_MET -> Response.Status.CONFLICT;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case TOO_MANY_REQUESTS -> Response.Status.TOO_MANY_REQUESTS;
        };
    }
}
