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

import org.lfr.alert.AlertQueries;
import org.lfr.security.CurrentActor;

import io.smallrye.mutiny.Uni;

/** The face crop of an alert, for the officer adjudicating it; every read is audited. */
@Path("/api/alerts/{alertId}/crop")
public class AlertCropResource {

    private final AlertQueries alerts;
    private final CurrentActor actor;

    AlertCropResource(AlertQueries alerts, CurrentActor actor) {
        this.alerts = alerts;
        this.actor = actor;
    }

    @GET
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<Response> crop(@PathParam("alertId") UUID alertId) {
        return alerts.readCrop(actor.get(), alertId)
                .map(crop -> Response.ok(crop.content(), crop.contentType()).header("Cache-Control", "no-store")
                        .build());
    }
}
