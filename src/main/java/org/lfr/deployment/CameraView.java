package org.lfr.deployment;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Type;

@Type("Camera")
public record CameraView(UUID id, String name, String streamUrl, boolean pushMode, String positionDescription) {

    static CameraView of(Camera c) {
        return new CameraView(c.id, c.name, c.streamUrl, c.pushMode, c.positionDescription);
    }
}
