package org.lfr.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("CameraInput")
@Description("A camera: either a stream the service pulls (rtsp, http(s) or file URL) or push mode (the camera posts JPEG frames).")
public record CameraInput(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) @Pattern(regexp = "(rtsp|rtsps|http|https|file):.+", message = "must be an rtsp, http(s) or file URL") String streamUrl,
        boolean pushMode,
        @NotBlank @Size(max = 1000) String positionDescription) {
}
