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

import io.smallrye.common.annotation.Blocking;

/** Edge cameras push JPEG frames here; only the newest frame of a camera is analysed (no backlog). */
@Path("/api/cameras/{cameraId}/frames")
public class CameraFrameResource {

    private final FramePush frames;

    CameraFrameResource(FramePush frames) {
        this.frames = frames;
    }

    @POST
    @Blocking
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({CAMERA, OFFICER})
    public Response push(@PathParam("cameraId") UUID cameraId, byte[] frame) {
        if (frame == null || frame.length == 0) {
            throw org.lfr.common.InvalidInputException.of("frame", "the body is empty");
        }
        frames.push(cameraId, frame);
        return Response.accepted().build();
    }
}
