package org.lfr.deployment;

import java.util.EnumSet;
import java.util.Set;

public enum DeploymentStatus {
    DRAFT, SUBMITTED, AUTHORISED, ACTIVE, PAUSED, CLOSED, REJECTED, CANCELLED, SUSPENDED;

    /** States after which the deployment never matches again and its watchlist must be purged. */
    public static final Set<DeploymentStatus> ENDED = EnumSet.of(CLOSED, REJECTED, CANCELLED);

    /** States in which the deployment's details and watchlist may still be edited. */
    public static final Set<DeploymentStatus> EDITABLE = EnumSet.of(DRAFT, SUBMITTED);

    public boolean isEnded() {
        return ENDED.contains(this);
    }
}
