package org.lfr.api.rest;

import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lfr.alert.AlertQueries;
import org.lfr.security.CurrentActor;

import io.smallrye.mutiny.Uni;

/** The face crop of an alert, for the officer adjudicating it; every read is audited. */
@Path("/api/alerts/{alertId}/crop")
@Tag(name = "alerts")
public class AlertCropResource {

    private final AlertQueries alerts;
    private final CurrentActor actor;

    AlertCropResource(AlertQueries alerts, CurrentActor actor) {
        this.alerts = alerts;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "The face crop of an alert", description = "For the officers who operate its deployment"
            + " and supervisors; every read is audited (ALERT_CROP_READ). Not cached (Cache-Control: no-store).")
    @APIResponse(responseCode = "200", description = "The crop", content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(ref = RestApplication.IMAGE))})
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<Response> crop(@PathParam("alertId") UUID alertId) {
        return alerts.readCrop(actor.get(), alertId)
                .map(crop -> Response.ok(crop.content(), crop.contentType()).header("Cache-Control", "no-store")
                        .build());
    }
}
