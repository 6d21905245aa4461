package org.lfr.deployment;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Which deployments to list; every part optional, all parts given must hold. */
@Input("DeploymentFilter")
@Description("Which deployments: in one status, operated by the caller (drafted or started), planned to start in a"
        + " time range [from, to).")
public record DeploymentFilter(DeploymentStatus status, Boolean operatedByMe, Instant from, Instant to) {

    public static final DeploymentFilter ALL = new DeploymentFilter(null, null, null, null);
}
