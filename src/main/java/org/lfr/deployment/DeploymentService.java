package org.lfr.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.common.Actor;
import org.lfr.common.GateNotMetException;
import org.lfr.common.InputValidation;
import org.lfr.common.Now;

import io.smallrye.mutiny.Uni;

/**
 * The deployment lifecycle after drafting: supervisors decide, officers operate, the DPO suspends. Each transition
 * checks who may ({@link DeploymentSummary}), from which status ({@link Transition}) and which rules
 * ({@link StartGate}, the watchlist's), and is audited with its change.
 */
@ApplicationScoped
public class DeploymentService {

    private final Now now;
    private final DeploymentInputRules rules;
    private final DeploymentChanges changes;
    private final StartFactsLoader startFacts;
    private final WatchlistReadiness watchlist;

    DeploymentService(Now now, DeploymentInputRules rules, DeploymentChanges changes,
            StartFactsLoader startFacts, WatchlistReadiness watchlist) {
        this.now = now;
        this.rules = rules;
        this.changes = changes;
        this.startFacts = startFacts;
        this.watchlist = watchlist;
    }

    // ------------------------------------------------------------------ decisions (supervisor)

    /**
     * A second person authorises, which freezes the approved watchlist. {@code noticeExemptionReason} records a
     * critical-threat waiver of the community-notice lead time; the audit keeps its written reason, not just a flag.
     */
    public Uni<DeploymentView> authorise(Actor actor, UUID id, String noticeExemptionReason) {
        InputValidation.requireReason("noticeExemptionReason", noticeExemptionReason, true);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("noticeExemption", noticeExemptionReason != null);
        if (noticeExemptionReason != null) {
            details.put("noticeExemptionReason", noticeExemptionReason);
        }
        return changes.transition(actor, AuditAction.DEPLOYMENT_AUTHORISED, id, d -> {
            d.summary().requireFourEyes(actor, "authorise it");
            Transition.AUTHORISE.requireFrom(d.summary());
            return watchlist.unmetForAuthorisation(d.id).chain(watchlistUnmet -> {
                List<GateRule> unmet = new ArrayList<>(watchlistUnmet);
                unmet.addAll(rules.thresholdUnmet(d.matchThreshold));
                if (!now.instant().isBefore(d.plannedEnd)) {
                    unmet.add(GateRule.OUTSIDE_AUTHORISED_WINDOW);
                }
                if (!unmet.isEmpty()) {
                    throw new GateNotMetException("authorisation", unmet);
                }
                d.status = DeploymentStatus.AUTHORISED;
                d.authorisedBy = actor.username();
                d.authorisedAt = now.instant();
                d.noticeExemptionReason = noticeExemptionReason;
                return watchlist.freeze(d.id, d.authorisedAt).replaceWith(details);
            });
        });
    }

    public Uni<DeploymentView> reject(Actor actor, UUID id, String reason) {
        InputValidation.requireReason("reason", reason, false);
        return end(actor, AuditAction.DEPLOYMENT_REJECTED, Transition.REJECT, id, reason,
                d -> d.summary().requireFourEyes(actor, "reject it"));
    }

    public Uni<DeploymentView> cancel(Actor actor, UUID id, String reason) {
        InputValidation.requireReason("reason", reason, false);
        return end(actor, AuditAction.DEPLOYMENT_CANCELLED, Transition.CANCEL, id, reason,
                d -> d.summary().requireDraftedByOrSupervisor(actor, "cancel"));
    }

    public Uni<DeploymentView> setMatchThreshold(Actor actor, UUID id, double threshold) {
        return changes.transition(actor, AuditAction.MATCH_THRESHOLD_SET, id, d -> {
            Transition.SET_THRESHOLD.requireFrom(d.summary());
            rules.requireThreshold(threshold); // a refusal is audited with the threshold asked for
            d.matchThreshold = threshold;
            // the look-alike flags at the new threshold go on its record: approval saw only the old one's
            return watchlist.lookalikesFlaggedAt(id, threshold).map(flagged -> Map.of("threshold", threshold,
                    "lookalikesFlagged", flagged));
        });
    }

    // ------------------------------------------------------------------ operating (officer)

    /** Only an officer assigned to it starts it; starting assigns nobody. */
    public Uni<DeploymentView> start(Actor actor, UUID id) {
        return changes.transition(actor, AuditAction.DEPLOYMENT_STARTED, id, d -> {
            d.summary().requireOperatedBy(actor);
            return requireGate(d, DeploymentStatus.AUTHORISED, "start").map(ok -> {
                d.status = DeploymentStatus.ACTIVE;
                d.startedBy = actor.username();
                d.startedAt = now.instant();
                return Map.of();
            });
        });
    }

    public Uni<DeploymentView> pause(Actor actor, UUID id) {
        return changes.transition(actor, AuditAction.DEPLOYMENT_PAUSED, id, d -> {
            d.summary().requireOperatedBy(actor);
            Transition.PAUSE.requireFrom(d.summary());
            d.status = DeploymentStatus.PAUSED;
            return DeploymentChanges.noDetails();
        });
    }

    public Uni<DeploymentView> resume(Actor actor, UUID id) {
        return changes.transition(actor, AuditAction.DEPLOYMENT_RESUMED, id, d -> {
            DeploymentHold.requireNotHeld(d);
            d.summary().requireOperatedBy(actor);
            Transition.RESUME.requireFrom(d.summary());
            return requireGate(d, DeploymentStatus.PAUSED, "resume").map(ok -> {
                d.status = DeploymentStatus.ACTIVE;
                return Map.of();
            });
        });
    }

    /** Closing stops matching; the watchlist's images and embeddings are then purged by retention. */
    public Uni<DeploymentView> stop(Actor actor, UUID id) {
        return changes.transition(actor, AuditAction.DEPLOYMENT_CLOSED, id, d -> {
            DeploymentHold.requireNotHeld(d);
            d.summary().requireOperatedBy(actor);
            Transition.CLOSE.requireFrom(d.summary());
            d.status = DeploymentStatus.CLOSED;
            d.endedAt = now.instant();
            return Uni.createFrom().item(Map.of("by", "operator"));
        });
    }

    // ------------------------------------------------------------------ oversight (dpo)

    public Uni<DeploymentView> suspend(Actor actor, UUID id, String reason) {
        InputValidation.requireReason("reason", reason, false);
        return changes.transition(actor, AuditAction.DEPLOYMENT_SUSPENDED, id, d -> {
            Transition.SUSPEND.requireFrom(d.summary());
            d.status = DeploymentStatus.SUSPENDED;
            d.decisionReason = reason;
            return Uni.createFrom().item(Map.of("reason", reason));
        });
    }

    // ------------------------------------------------------------------ helpers

    /** Rejection and cancellation end a deployment before it ever ran, with a written reason. */
    private Uni<DeploymentView> end(Actor actor, AuditAction action, Transition transition, UUID id, String reason,
            Consumer<Deployment> mayDecide) {
        return changes.transition(actor, action, id, d -> {
            mayDecide.accept(d);
            transition.requireFrom(d.summary());
            d.status = transition.target().orElseThrow();
            d.decisionReason = reason;
            d.endedAt = now.instant();
            return Uni.createFrom().item(Map.of("reason", reason));
        });
    }

    Uni<Boolean> requireGate(Deployment d, DeploymentStatus from, String what) {
        return startFacts.unmet(d, from).map(unmet -> {
            if (!unmet.isEmpty()) {
                throw new GateNotMetException(what, unmet);
            }
            return true;
        });
    }
}
