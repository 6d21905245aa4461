package org.lfr.signage;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Signage")
public record SignageView(@Id @NonNull UUID id, @Id UUID cameraId, @Id UUID deploymentId, String signTextVersion, String photoReference,
        String placedBy, Instant placedAt, String removedBy, Instant removedAt) {

    public static SignageView of(Signage s) {
        return new SignageView(s.id, s.cameraId, s.deploymentId, s.signTextVersion, s.photoReference, s.placedBy,
                s.placedAt, s.removedBy, s.removedAt);
    }
}
