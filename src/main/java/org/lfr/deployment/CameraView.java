package org.lfr.deployment;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Camera")
public record CameraView(@Id @NonNull UUID id, String name,
        @Description("The stream's URL without its credentials, in user-info or query string (null for a push camera).") String streamUrl,
        @Description("Whether the stream has credentials; they are never shown.") boolean hasCredentials,
        boolean pushMode,
        @Description("Push cameras: the device client allowed to push.") String deviceClientId,
        String positionDescription) {

    static CameraView of(Camera c) {
        return new CameraView(c.id, c.name, c.streamUrl, c.streamCredentials != null || c.streamQuerySecrets != null, c.pushMode, c.deviceClientId,
                c.positionDescription);
    }
}
