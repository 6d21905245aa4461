package org.lfr.alert;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** Which alerts to list; every part optional, all parts given must hold. */
@Input("AlertFilter")
@Description("Which alerts: of one deployment or camera, pending or adjudicated one way, with an outcome, seen in"
        + " a time range [from, to). Officers see only alerts of deployments they operate.")
public record AlertFilter(@Id UUID deploymentId, @Id UUID cameraId,
        @Description("true: not yet adjudicated; false: adjudicated") Boolean pending, Adjudication adjudication,
        Outcome outcome, Instant from, Instant to) {

    public static final AlertFilter ALL = new AlertFilter(null, null, null, null, null, null, null);
}
