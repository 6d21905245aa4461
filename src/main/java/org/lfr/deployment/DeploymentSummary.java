package org.lfr.deployment;

import java.time.Instant;
import java.util.UUID;

import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;

/**
 * What other features may know of a deployment, and the rules about who may act on it: the one place where
 * "operates", "drafted" and four-eyes are decided.
 */
public record DeploymentSummary(UUID id, String reference, DeploymentStatus status, String createdBy,
        String startedBy, Operators operators, double matchThreshold, Instant plannedStart, Instant plannedEnd,
        Instant endedAt) {

    /** Officers who operate a deployment: those assigned to it ({@link Operators}). */
    public boolean isOperatedBy(String username) {
        return operators.include(username);
    }

    public void requireOperatedBy(Actor actor) {
        if (!isOperatedBy(actor.username())) {
            throw new ForbiddenException("you are not assigned to operate deployment " + reference);
        }
    }

    /** Officers see what belongs to deployments they operate; supervisors and the DPO see all. */
    public void requireReadableBy(Actor actor) {
        if (!actor.isSupervisor() && !actor.isDpo()) {
            requireOperatedBy(actor);
        }
    }

    /**
     * A watchlist is drawn up, and notices, signs and leaflets recorded, by the officers of its deployment;
     * supervisors review and correct any.
     */
    public void requireOperatedByOrSupervisor(Actor actor) {
        if (!actor.isSupervisor()) {
            requireOperatedBy(actor);
        }
    }

    /**
     * Who may change the assigned officers: a supervisor at any time until it ends; the drafter only while it is a
     * draft and they are still assigned — once submitted, who runs it is part of what a supervisor decided on, and an
     * officer taken off it cannot put themselves back.
     */
    public void requireMayAssignOperators(Actor actor) {
        if (actor.isSupervisor()) {
            return;
        }
        if (status != DeploymentStatus.DRAFT || !actor.username().equals(createdBy) || !isOperatedBy(actor.username())) {
            throw new ForbiddenException("only a supervisor" + (status == DeploymentStatus.DRAFT
                    ? " or the officer who drafted it (while assigned)" : "") + " may assign the officers of deployment "
                    + reference);
        }
    }

    public void requireDraftedBy(Actor actor) {
        if (!actor.username().equals(createdBy)) {
            throw new ForbiddenException("only the officer who drafted deployment " + reference + " may do this");
        }
    }

    public void requireDraftedByOrSupervisor(Actor actor, String verb) {
        if (!actor.isSupervisor() && !actor.username().equals(createdBy)) {
            throw new ForbiddenException("only the officer who drafted deployment " + reference
                    + " or a supervisor may " + verb + " it");
        }
    }

    /** Four-eyes: whoever drafted a deployment never decides on it, even when they also hold the supervisor role. */
    public void requireFourEyes(Actor actor, String what) {
        if (actor.username().equals(createdBy)) {
            throw new ForbiddenException("four-eyes rule: you drafted deployment " + reference + " and cannot "
                    + what + " yourself");
        }
    }

    /** A closed record takes no additions. */
    public void requireNotEnded() {
        if (status.isEnded()) {
            throw new ConflictException("deployment " + reference + " has ended (" + status + ")");
        }
    }
}
