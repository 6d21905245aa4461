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

import org.jboss.resteasy.reactive.RestStreamElementType;
import org.lfr.security.CurrentActor;
import org.lfr.watchlist.BulkEnrolmentResult;
import org.lfr.watchlist.BulkEnrolment;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Bulk enrolment: a zip of photos named after the entries' subject references; the response streams one JSON line
 * per file as it is done (progress), so a client can show it while the rest is analysed, and a last line that says
 * whether the whole archive was read.
 */
@Path("/api/deployments/{deploymentId}/watchlist/images")
public class BulkEnrolmentResource {

    private final BulkEnrolment bulk;
    private final CurrentActor actor;

    BulkEnrolmentResource(BulkEnrolment bulk, CurrentActor actor) {
        this.bulk = bulk;
        this.actor = actor;
    }

    /** Blocking: the archive is read as it arrives, never held whole. */
    @POST
    @Blocking
    @Consumes({"application/zip", "application/octet-stream"})
    @Produces("application/x-ndjson")
    @RestStreamElementType("application/json")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Multi<BulkEnrolmentResult> enrol(@PathParam("deploymentId") UUID deploymentId, InputStream zip) {
        return bulk.enrol(actor.get(), deploymentId, zip);
    }
}
