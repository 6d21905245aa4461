package org.lfr.api.rest;

import static org.lfr.common.Roles.CAMERA;
import static org.lfr.common.Roles.OFFICER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lfr.recognition.runtime.FramePush;
import org.lfr.security.CurrentActor;

import io.smallrye.common.annotation.Blocking;

/**
 * Edge cameras push JPEG or PNG frames here, as their own device (or an officer of the deployment); only the newest
 * frame of a camera is analysed (no backlog), and only an analysed frame is decoded.
 */
@Path("/api/cameras/{cameraId}/frames")
@Tag(name = "cameras")
public class CameraFrameResource {

    private final FramePush frames;
    private final CurrentActor actor;

    CameraFrameResource(FramePush frames, CurrentActor actor) {
        this.frames = frames;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "Push a frame of an edge camera", description = "As the camera's own device (its"
            + " deviceClientId is the token's azp) or an officer who operates its deployment. Only the camera's newest"
            + " frame is analysed, and a frame is decoded only when it is analysed. 409 when the camera's deployment"
            + " is not ACTIVE, or another replica analyses the camera (send its frames to one replica).")
    @RequestBody(required = true, content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(ref = RestApplication.IMAGE)),
        @Content(mediaType = "image/png", schema = @Schema(ref = RestApplication.IMAGE))})
    @APIResponse(responseCode = "202", description = "Taken (a newer frame may replace it before analysis)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @Blocking
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({CAMERA, OFFICER})
    public Response push(@PathParam("cameraId") UUID cameraId, byte[] frame) {
        frames.push(actor.get(), cameraId, frame);
        return Response.accepted().build();
    }
}
