package org.lfr.deployment;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;
import org.lfr.common.InputValidation;
import org.lfr.common.Now;

import io.smallrye.mutiny.Uni;

/**
 * Deployments the service itself holds PAUSED, whatever their operators did before: after a restore from a backup
 * ({@link #REASON_RESTORED}), or when the live check finds false alerts significantly above the calibrated rate
 * ({@link FalseAlertCheck#REASON_EXCESS}). After a restore nothing the backup shows running may match faces again until a supervisor decides —
 * resumes it (the start gate holds again, with a written reason) or stops it. Both are audited.
 */
@ApplicationScoped
public class DeploymentHold {

    public static final String REASON_RESTORED = "restored from backup";

    private final Now now;
    private final AuditService audit;
    private final DeploymentChanges changes;
    private final DeploymentEvents events;
    private final DeploymentService deployments;

    DeploymentHold(Now now, AuditService audit, DeploymentChanges changes, DeploymentEvents events,
            DeploymentService deployments) {
        this.now = now;
        this.audit = audit;
        this.changes = changes;
        this.events = events;
        this.deployments = deployments;
    }

    /**
     * In the caller's transaction: every ACTIVE or PAUSED deployment becomes PAUSED and held for {@code reason}, each
     * audited (DEPLOYMENT_PAUSED by the system) and announced. Returns their ids.
     */
    public Uni<List<UUID>> holdRunning(String reason) {
        return Deployment.<Deployment>list("status in ?1", EnumSet.of(DeploymentStatus.ACTIVE, DeploymentStatus.PAUSED))
                .call(running -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Deployment d : running) {
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("from", d.status.name());
                        details.put("held", reason);
                        d.status = DeploymentStatus.PAUSED;
                        d.holdReason = reason;
                        chain = chain.chain(() -> audit.record(Actor.SYSTEM, AuditAction.DEPLOYMENT_PAUSED,
                                AuditSubject.DEPLOYMENT, d.id, details)).chain(() -> events.announce(d.id));
                    }
                    return chain;
                }).map(running -> running.stream().map(d -> d.id).toList());
    }

    /** A supervisor lets a held deployment match again: the start gate must hold, and the reason is audited. */
    public Uni<DeploymentView> resume(Actor actor, UUID id, String reason) {
        InputValidation.requireReason("reason", reason, false);
        return changes.transition(actor, AuditAction.DEPLOYMENT_RESUMED, id, d -> {
            requireSupervisorOfHeld(actor, d, "resume");
            Transition.RESUME.requireFrom(d.summary());
            return deployments.requireGate(d, DeploymentStatus.PAUSED, "resume").map(ok -> {
                Map<String, Object> details = details(d, reason);
                if (FalseAlertCheck.REASON_EXCESS.equals(d.holdReason)) {
                    FalseAlertCheck.restart(d); // the supervisor accepted what was found; the check watches on
                }
                d.status = DeploymentStatus.ACTIVE;
                d.holdReason = null;
                return details;
            });
        });
    }

    /** A supervisor closes a held deployment; its watchlist is then purged by retention, as for any close. */
    public Uni<DeploymentView> stop(Actor actor, UUID id, String reason) {
        InputValidation.requireReason("reason", reason, false);
        return changes.transition(actor, AuditAction.DEPLOYMENT_CLOSED, id, d -> {
            requireSupervisorOfHeld(actor, d, "stop");
            Transition.CLOSE.requireFrom(d.summary());
            Map<String, Object> details = details(d, reason);
            details.put("by", "supervisor");
            Instant at = now.instant();
            d.status = DeploymentStatus.CLOSED;
            d.endedAt = at;
            d.holdReason = null;
            return Uni.createFrom().item(details);
        });
    }

    /** Operators may neither resume nor stop a deployment the service holds: a supervisor decides. */
    static void requireNotHeld(Deployment d) {
        if (isHeld(d)) {
            throw new ForbiddenException("deployment " + d.reference + " is held (" + d.holdReason + "): only a"
                    + " supervisor may resume or stop it, with a reason");
        }
    }

    private static void requireSupervisorOfHeld(Actor actor, Deployment d, String verb) {
        if (!actor.isSupervisor()) {
            throw new ForbiddenException("only a supervisor may " + verb + " a held deployment");
        }
        if (!isHeld(d)) {
            throw new ConflictException("deployment " + d.reference + " is not held: its operators " + verb + " it");
        }
    }

    /** The reason stays as history once a held deployment is suspended or closed at its end; it holds while PAUSED. */
    static boolean isHeld(Deployment d) {
        return d.status == DeploymentStatus.PAUSED && d.holdReason != null;
    }

    private static Map<String, Object> details(Deployment d, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("held", d.holdReason);
        return details;
    }
}
