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

import org.lfr.recognition.runtime.FramePush;
import org.lfr.security.CurrentActor;

import io.smallrye.common.annotation.Blocking;

/**
 * Edge cameras push JPEG or PNG frames here, as their own device (or an officer of the deployment); only the newest
 * frame of a camera is analysed (no backlog), and only an analysed frame is decoded.
 */
@Path("/api/cameras/{cameraId}/frames")
public class CameraFrameResource {

    private final FramePush frames;
    private final CurrentActor actor;

    CameraFrameResource(FramePush frames, CurrentActor actor) {
        this.frames = frames;
        this.actor = actor;
    }

    @POST
    @Blocking
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({CAMERA, OFFICER})
    public Response push(@PathParam("cameraId") UUID cameraId, byte[] frame) {
        frames.push(actor.get(), cameraId, frame);
        return Response.accepted().build();
    }
}
