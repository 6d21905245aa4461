package org.lfr.deployment;

import static org.lfr.deployment.DeploymentStatus.ACTIVE;
import static org.lfr.deployment.DeploymentStatus.AUTHORISED;
import static org.lfr.deployment.DeploymentStatus.CANCELLED;
import static org.lfr.deployment.DeploymentStatus.CLOSED;
import static org.lfr.deployment.DeploymentStatus.DRAFT;
import static org.lfr.deployment.DeploymentStatus.PAUSED;
import static org.lfr.deployment.DeploymentStatus.REJECTED;
import static org.lfr.deployment.DeploymentStatus.SUBMITTED;
import static org.lfr.deployment.DeploymentStatus.SUSPENDED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.lfr.common.ConflictException;

/**
 * The deployment state machine: what may be done from which status, and the status it leads to. Starting is not
 * here: from any status but AUTHORISED it is refused by the start gate's {@code NOT_AUTHORISED} rule, so that an
 * officer sees every unmet rule at once.
 */
public enum Transition {
    EDIT("edited", null, DRAFT),
    ADD_CAMERA("given cameras", null, DRAFT),
    REMOVE_CAMERA("changed in its cameras", null, DRAFT),
    SUBMIT("submitted", SUBMITTED, DRAFT),
    AUTHORISE("authorised", AUTHORISED, SUBMITTED),
    REJECT("rejected", REJECTED, SUBMITTED),
    CANCEL("cancelled", CANCELLED, DRAFT, SUBMITTED, AUTHORISED),
    /** Who operates it; once it has run, a supervisor only ({@link DeploymentSummary#requireMayAssignOperators}). */
    ASSIGN_OPERATORS("given operators", null, DRAFT, SUBMITTED, AUTHORISED, ACTIVE, PAUSED, SUSPENDED),
    SET_THRESHOLD("given a new threshold", null, DRAFT, SUBMITTED, AUTHORISED, PAUSED),
    PAUSE("paused", PAUSED, ACTIVE),
    RESUME("resumed", ACTIVE, PAUSED),
    CLOSE("closed", CLOSED, ACTIVE, PAUSED, SUSPENDED),
    SUSPEND("suspended", SUSPENDED, AUTHORISED, ACTIVE, PAUSED),
    /** The service closes a deployment at its planned end, whatever it was doing. */
    EXPIRE("closed at its planned end", CLOSED, AUTHORISED, ACTIVE, PAUSED, SUSPENDED);

    private final String verb;
    private final DeploymentStatus target;
    private final Set<DeploymentStatus> from;

    Transition(String verb, DeploymentStatus target, DeploymentStatus first, DeploymentStatus... more) {
        this.verb = verb;
        this.target = target;
        this.from = EnumSet.of(first, more);
    }

    public boolean allowedFrom(DeploymentStatus status) {
        return from.contains(status);
    }

    /** The status it leads to; empty for changes within a status (edits, cameras, threshold). */
    public Optional<DeploymentStatus> target() {
        return Optional.ofNullable(target);
    }

    /** Fails with {@code conflict} unless the deployment may take this transition from its status. */
    public void requireFrom(DeploymentSummary d) {
        if (!allowedFrom(d.status())) {
            throw new ConflictException("deployment " + d.reference() + " is " + d.status() + " and cannot be " + verb
                    + " (allowed from " + from + ")");
        }
    }
}
