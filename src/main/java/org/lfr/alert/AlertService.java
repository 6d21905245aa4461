package org.lfr.alert;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;
import org.lfr.common.NotFoundException;
import org.lfr.common.InputValidation;
import org.lfr.common.InvalidInputException;
import org.lfr.common.Now;
import org.lfr.deployment.DeploymentQueries;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/** What people decide about alerts: an officer's adjudication, a supervisor's legal hold. */
@ApplicationScoped
public class AlertService {

    private final Now now;
    private final InputValidation validation;
    private final AuditedChange audited;
    private final DeploymentQueries deployments;
    private final AlertQueries queries;
    private final MeterRegistry registry;
    private final AlertEvents events;

    AlertService(Now now, InputValidation validation, AuditedChange audited, DeploymentQueries deployments,
            AlertQueries queries, MeterRegistry registry, AlertEvents events) {
        this.events = events;
        this.now = now;
        this.validation = validation;
        this.audited = audited;
        this.deployments = deployments;
        this.queries = queries;
        this.registry = registry;
    }

    /**
     * Only an officer who operates the deployment decides on its alerts, once; every console watching the deployment
     * hears of the decision when it commits ({@link AlertEvents#decisions()}).
     */
    public Uni<AlertView> adjudicate(Actor actor, AdjudicationInput input) {
        validation.check(input);
        if (input.outcome() != null && input.adjudication() != Adjudication.CONFIRMED_MATCH) {
            throw InvalidInputException.of("outcome", "only a CONFIRMED_MATCH has an outcome");
        }
        return change(actor, AuditAction.ALERT_ADJUDICATED, input.alertId(), a -> deployments.summary(a.deploymentId)
                .map(d -> {
                    if (!actor.isOfficer() || !d.isOperatedBy(actor.username())) {
                        // a supervisor is shown why, not a bare refusal: deciding is the operators' job
                        throw new ForbiddenException("only the officers assigned to operate deployment " + d.reference()
                                + " decide its alerts" + (actor.isOfficer() ? "; you are not one of them"
                                        : ": supervisors oversee the decisions (and may place a legal hold)"));
                    }
                    if (a.adjudication != null) {
                        throw new ConflictException("alert " + a.id + " was already adjudicated by " + a.adjudicatedBy
                                + " (" + a.adjudication + " at " + a.adjudicatedAt + ")");
                    }
                    a.adjudication = input.adjudication();
                    a.adjudicatedBy = actor.username();
                    a.adjudicatedAt = now.instant();
                    a.outcome = input.outcome();
                    a.outcomeNotes = input.notes();
                    Map<String, Object> details = new HashMap<>();
                    details.put("adjudication", a.adjudication.name());
                    details.put("outcome", a.outcome == null ? "NONE" : a.outcome.name());
                    return details;
                }).call(details -> events.announceDecision(a.id))).onFailure(AlertService::lostARace).recoverWithUni(e -> decidedFirst(input.alertId(), e))
                .invoke(this::countAdjudication);
    }

    /** Two officers decided at once: the later commit fails on the alert's version, not on the check above. */
    private static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** The same answer as when the decision was already there: who decided first, and when. */
    private Uni<AlertView> decidedFirst(UUID alertId, Throwable race) {
        return queries.recorded(alertId).map(recorded -> {
            AlertView a = recorded.orElseThrow(() -> new NotFoundException("alert", alertId)).view();
            if (a.adjudication() == null) {
                throw new ConflictException("alert " + alertId + " changed while you decided it: try again");
            }
            throw new ConflictException("alert " + alertId + " was already adjudicated by " + a.adjudicatedBy()
                    + " (" + a.adjudication() + " at " + a.adjudicatedAt() + ")");
        });
    }

    /** Decisions by kind, and how long alerts waited for one: how the deployment's officers keep up. */
    private void countAdjudication(AlertView a) {
        registry.counter("lfr.alerts.adjudicated", "adjudication", a.adjudication().name()).increment();
        Timer.builder("lfr.alert.adjudication.delay").description("from an alert's sighting to an officer's decision")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(1)).register(registry)
                .record(Duration.between(a.occurredAt(), a.adjudicatedAt()));
    }

    /** Keeps an alert beyond the retention period, with the reason (evidence in proceedings, say). */
    public Uni<AlertView> placeLegalHold(Actor actor, UUID alertId, String reason) {
        InputValidation.requireReason("reason", reason, false);
        return change(actor, AuditAction.LEGAL_HOLD_PLACED, alertId, a -> {
            if (a.legalHoldReason != null) {
                throw new ConflictException("alert " + alertId + " is already on legal hold");
            }
            a.legalHoldReason = reason;
            a.legalHoldBy = actor.username();
            a.legalHoldAt = now.instant();
            return Uni.createFrom().item(Map.of("reason", reason));
        });
    }

    public Uni<AlertView> releaseLegalHold(Actor actor, UUID alertId) {
        return change(actor, AuditAction.LEGAL_HOLD_RELEASED, alertId, a -> {
            if (a.legalHoldReason == null) {
                throw new ConflictException("alert " + alertId + " is not on legal hold");
            }
            a.legalHoldReason = null;
            a.legalHoldBy = null;
            a.legalHoldAt = null;
            return Uni.createFrom().item(Map.of());
        });
    }

    private Uni<AlertView> change(Actor actor, AuditAction action, UUID alertId,
            Function<Alert, Uni<? extends Map<String, ?>>> change) {
        return audited.run(actor, action, AuditSubject.ALERT, alertId, () -> AlertQueries.require(alertId)
                .chain(a -> change.apply(a).chain(details -> queries.view(a).map(v -> Audited.of(v, a.id, details)))));
    }
}
