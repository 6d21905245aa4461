package org.lfr.api.rest;

import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lfr.security.CurrentActor;
import org.lfr.watchlist.EnrolmentService;
import org.lfr.watchlist.WatchlistEntryView;

import io.smallrye.mutiny.Uni;

/**
 * Enrolment images travel as binary over REST (GraphQL is for everything else). The format is judged from the
 * bytes, not the declared content type; the DPO role cannot read them.
 */
@Path("/api/watchlist-entries/{entryId}/image")
@Tag(name = "enrolment")
public class EnrolmentImageResource {

    private final EnrolmentService enrolment;
    private final CurrentActor actor;

    EnrolmentImageResource(EnrolmentService enrolment, CurrentActor actor) {
        this.enrolment = enrolment;
        this.actor = actor;
    }

    @PUT
    @Operation(summary = "Store (or replace) a watchlist entry's enrolment image", description = "The officers who"
            + " operate the deployment and supervisors, while the watchlist can change. The image must show exactly"
            + " one face, large and sharp enough; otherwise 400 with the reason.")
    @RequestBody(required = true, content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(ref = RestApplication.IMAGE)),
        @Content(mediaType = "image/png", schema = @Schema(ref = RestApplication.IMAGE))})
    @APIResponse(responseCode = "200", description = "The entry, now enrolled", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = WatchlistEntryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<WatchlistEntryView> upload(@PathParam("entryId") UUID entryId, byte[] body) {
        return enrolment.storeImage(actor.get(), entryId, body);
    }

    @GET
    @Operation(summary = "A watchlist entry's enrolment image", description = "The officers who operate the"
            + " deployment and supervisors (not the DPO); every read is audited. Gone once the watchlist is purged.")
    @APIResponse(responseCode = "200", description = "The image", content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(ref = RestApplication.IMAGE)),
        @Content(mediaType = "image/png", schema = @Schema(ref = RestApplication.IMAGE))})
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<Response> download(@PathParam("entryId") UUID entryId) {
        return enrolment.readImage(actor.get(), entryId)
                .map(image -> Response.ok(image.content(), image.contentType())
                        .header("Cache-Control", "no-store").build());
    }
}
