package org.lfr.api.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;
import org.lfr.common.GateNotMetException;
import org.lfr.common.InvalidInputException;
import org.lfr.common.NotFoundException;
import org.lfr.recognition.enrol.EnrolmentRejectedException;

/** The REST side speaks the same error codes as GraphQL's {@code extensions.code}. */
public class ErrorMappers {

    /** {@code reason} names an enrolment rejection (NO_FACE, MULTIPLE_FACES, …) where there is one. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ErrorBody(String code, String message, String reason) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        String reason = e instanceof EnrolmentRejectedException r ? r.reason().name() : null;
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("invalid-input", e.getMessage(), reason)).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.Status.NOT_FOUND, "not-found", e);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return error(Response.Status.CONFLICT, "conflict", e);
    }

    @ServerExceptionMapper
    public Response gate(GateNotMetException e) {
        return error(Response.Status.CONFLICT, "gate-not-met", e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(Response.Status.FORBIDDEN, "forbidden", e);
    }

    private static Response error(Response.Status status, String code, RuntimeException e) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, e.getMessage(), null))
                .build();
    }
}
