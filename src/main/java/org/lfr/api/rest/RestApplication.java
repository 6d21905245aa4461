package org.lfr.api.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST application (every resource of this package, at the root), and what its endpoints share in their OpenAPI document (/q/openapi): the bearer token of the OIDC provider, the
 * binary image schema and the error answers, whose body is {@link ErrorMappers.ErrorBody} — the same codes as
 * GraphQL's {@code extensions.code}. The endpoints refer to these by name.
 */
@OpenAPIDefinition(info = @Info(title = "LFR service REST API", version = "1",
        description = "Binary traffic only: frame push, enrolment images, bulk enrolment, alert crops. Everything else"
                + " is GraphQL at /graphql (schema at /graphql/schema.graphql)."),
        security = @SecurityRequirement(name = RestApplication.BEARER),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = RestApplication.BEARER,
                        type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                        description = "An access token of the OIDC realm whose audience includes the API client"),
                schemas = @Schema(name = RestApplication.IMAGE, type = SchemaType.STRING, format = "binary",
                        description = "JPEG or PNG, judged by its bytes; at most lfr.images.max-bytes (10 MiB) and"
                                + " lfr.images.max-pixels (40 M, read from the header before decoding)"),
                responses = {
                    @APIResponse(name = "BadRequest", responseCode = "400", description = "Invalid input: code"
                            + " invalid-input with the reason (e.g. NO_FACE, TOO_LARGE, TOO_MANY_PIXELS,"
                            + " UNSUPPORTED_FORMAT) and fieldErrors", content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = ErrorMappers.ErrorBody.class))),
                    @APIResponse(name = "Unauthorized", responseCode = "401",
                            description = "No valid bearer token"),
                    @APIResponse(name = "Forbidden", responseCode = "403", description = "The caller's role or"
                            + " deployment does not allow it (audited)", content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = ErrorMappers.ErrorBody.class))),
                    @APIResponse(name = "NotFound", responseCode = "404", description = "No such object",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = ErrorMappers.ErrorBody.class))),
                    @APIResponse(name = "Conflict", responseCode = "409", description = "Not possible in the"
                            + " deployment's state", content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = ErrorMappers.ErrorBody.class))),
                    @APIResponse(name = "TooLarge", responseCode = "413",
                            description = "The body is over quarkus.http.limits.max-body-size (12 MiB)"),
                    @APIResponse(name = "TooManyRequests", responseCode = "429", description = "More enrolments at"
                            + " once than lfr.watchlist.enrolments-per-user allows", content = @Content(
                                    mediaType = "application/json",
                                    schema = @Schema(implementation = ErrorMappers.ErrorBody.class)))}))
public class RestApplication extends Application {

    static final String BEARER = "bearer";
    static final String IMAGE = "Image";
}
