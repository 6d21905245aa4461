package org.lfr.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("CameraInput")
@Description("A camera: either a stream the service pulls (an allowed scheme and host; credentials in the URL are"
        + " stored apart and never shown) or push mode (the camera posts frames, as its own device client).")
public record CameraInput(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String streamUrl,
        boolean pushMode,
        @Description("Push cameras: the OIDC client id (service account) of the device allowed to push its frames.")
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be a client id") String deviceClientId,
        @NotBlank @Size(max = 1000) String positionDescription) {
}
