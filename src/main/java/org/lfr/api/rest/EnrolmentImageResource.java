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

import org.lfr.security.CurrentActor;
import org.lfr.watchlist.WatchlistEntryView;
import org.lfr.watchlist.EnrolmentService;

import io.smallrye.mutiny.Uni;

/**
 * Enrolment images travel as binary over REST (GraphQL is for everything else). The format is judged from the
 * bytes, not the declared content type; the DPO role cannot read them.
 */
@Path("/api/watchlist-entries/{entryId}/image")
public class EnrolmentImageResource {

    private final EnrolmentService enrolment;
    private final CurrentActor actor;

    EnrolmentImageResource(EnrolmentService enrolment, CurrentActor actor) {
        this.enrolment = enrolment;
        this.actor = actor;
    }

    @PUT
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<WatchlistEntryView> upload(@PathParam("entryId") UUID entryId, byte[] body) {
        return enrolment.storeImage(actor.get(), entryId, body);
    }

    @GET
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<Response> download(@PathParam("entryId") UUID entryId) {
        return enrolment.readImage(actor.get(), entryId)
                .map(image -> Response.ok(image.content(), image.contentType())
                        .header("Cache-Control", "no-store").build());
    }
}
