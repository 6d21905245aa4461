package org.lfr.transparency;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Where and when LFR is planned or in use: for anyone, with no watchlist or camera detail. */
@Type("PublicDeployment")
public record PublicDeploymentView(@Id @NonNull UUID id, String reference, String locationName, double latitude,
        double longitude, String areaDescription, Instant plannedStart, Instant plannedEnd, String status) {
}
