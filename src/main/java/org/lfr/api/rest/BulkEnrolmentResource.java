package org.lfr.api.rest;

import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.io.InputStream;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.lfr.security.CurrentActor;
import org.lfr.watchlist.BulkEnrolment;
import org.lfr.watchlist.BulkEnrolmentResult;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Bulk enrolment: a zip of photos named after the entries' subject references; the response streams one JSON line
 * per file as it is done (progress), so a client can show it while the rest is analysed, and a last line that says
 * whether the whole archive was read.
 */
@Path("/api/deployments/{deploymentId}/watchlist/images")
@Tag(name = "enrolment")
public class BulkEnrolmentResource {

    private final BulkEnrolment bulk;
    private final CurrentActor actor;

    BulkEnrolmentResource(BulkEnrolment bulk, CurrentActor actor) {
        this.bulk = bulk;
        this.actor = actor;
    }

    /** Blocking: the archive is read as it arrives, never held whole. */
    @POST
    @Operation(summary = "Enrol many entries from a zip of photos", description = "Each photo is named after an"
            + " entry's subject reference (e.g. SUBJ-12.jpg); at most lfr.watchlist.bulk-max-entries (2000) entries"
            + " and lfr.watchlist.bulk-max-total-bytes (256 MiB) expanded, checked while the archive streams in. The"
            + " answer streams one JSON line per file as it is done, then a last line: FINISHED, or STOPPED with why.")
    @RequestBody(required = true, content = @Content(mediaType = "application/zip",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Progress, one JSON object per line", content = @Content(
            mediaType = "application/x-ndjson", schema = @Schema(implementation = BulkEnrolmentResult.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Blocking
    @Consumes({"application/zip", "application/octet-stream"})
    @Produces("application/x-ndjson")
    @RestStreamElementType("application/json")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Multi<BulkEnrolmentResult> enrol(@PathParam("deploymentId") UUID deploymentId, InputStream zip) {
        return bulk.enrol(actor.get(), deploymentId, zip);
    }
}
