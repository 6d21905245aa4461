package org.lfr.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.Now;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * During a deployment: each false alert an officer records is weighed against the faces processed at the calibrated
 * rate of the group its threshold serves worst ({@link SequentialFalseAlertTest}). On a verdict of excess the service
 * tells supervisors ({@link FalseAlertNotices}), audits it, counts it ({@code lfr.false.alerts.excess}) and — by policy
 * {@code lfr.governance.pause-on-excess-false-alerts} — holds the deployment PAUSED until a supervisor resumes it with
 * a reason (the check then starts again from that moment) or stops it.
 */
@ApplicationScoped
public class FalseAlertCheck {

    private static final Logger LOG = Logger.getLogger(FalseAlertCheck.class);

    /** The hold reason the check gives (DeploymentView.holdReason). */
    public static final String REASON_EXCESS = "false alerts significantly above the calibrated rate";

    private final Now now;
    private final GovernanceConfig config;
    private final ThresholdCalibration calibration;
    private final AuditService audit;
    private final DeploymentEvents events;
    private final FalseAlertNotices notices;
    private final MeterRegistry registry;

    FalseAlertCheck(Now now, GovernanceConfig config, ThresholdCalibration calibration, AuditService audit,
            DeploymentEvents events, FalseAlertNotices notices, MeterRegistry registry) {
        this.now = now;
        this.config = config;
        this.calibration = calibration;
        this.audit = audit;
        this.events = events;
        this.notices = notices;
        this.registry = registry;
    }

    /**
     * In the caller's transaction: the deployment now has {@code falseAlerts} adjudicated false alerts in all. Only a
     * running (ACTIVE) deployment is judged; the count is kept whatever its status.
     */
    public Uni<FalseAlertVerdict> observe(UUID deploymentId, long falseAlerts) {
        return Deployment.require(deploymentId).chain(d -> {
            d.falseAlertsObserved = falseAlerts;
            Optional<SequentialFalseAlertTest> test = test(d.matchThreshold);
            if (test.isEmpty()) {
                return Uni.createFrom().item(FalseAlertVerdict.NOT_CALIBRATED);
            }
            if (d.falseAlertExcessAt != null) {
                return Uni.createFrom().item(FalseAlertVerdict.EXCESS); // found already: told, audited, held once
            }
            long x = falseAlerts - d.falseAlertCheckFromAlerts, n = d.facesProcessed - d.falseAlertCheckFromFaces;
            if (d.status != DeploymentStatus.ACTIVE || !test.get().excess(x, n)) {
                return Uni.createFrom().item(FalseAlertVerdict.NO_EXCESS);
            }
            return excess(d, test.get(), x, n).replaceWith(FalseAlertVerdict.EXCESS);
        });
    }

    private Uni<Void> excess(Deployment d, SequentialFalseAlertTest test, long x, long n) {
        boolean pause = config.pauseOnExcessFalseAlerts();
        d.falseAlertExcessAt = now.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("falseAlerts", x);
        details.put("facesProcessed", n);
        details.put("expected", n * test.calibratedRate());
        details.put("calibratedRate", test.calibratedRate());
        details.put("group", calibration.at(d.matchThreshold).map(ThresholdRates::worstGroupName).orElse("everyone"));
        details.put("test", "SPRT p1 = " + test.multiple() + " x p0, alpha " + test.alpha());
        details.put("paused", pause);
        if (pause) {
            d.status = DeploymentStatus.PAUSED;
            d.holdReason = REASON_EXCESS;
        }
        LOG.warnf("deployment %s: %d false alerts in %d faces, %.2f expected at the calibrated rate: excess%s",
                d.reference, x, n, n * test.calibratedRate(), pause ? ", paused until a supervisor decides" : "");
        registry.counter("lfr.false.alerts.excess", "paused", String.valueOf(pause)).increment();
        return audit.record(Actor.SYSTEM, AuditAction.FALSE_ALERT_EXCESS, AuditSubject.DEPLOYMENT, d.id, details)
                .chain(() -> pause ? events.announce(d.id) : Uni.createFrom().voidItem())
                .chain(() -> notices.announce(d.id));
    }

    /** A supervisor resumed a deployment the check held: the check starts again from now's counts. */
    static void restart(Deployment d) {
        d.falseAlertCheckFromAlerts = d.falseAlertsObserved;
        d.falseAlertCheckFromFaces = d.facesProcessed;
        d.falseAlertExcessAt = null;
    }

    /** The test the deployment is held to at this threshold; empty without a calibration of the running models. */
    public Optional<SequentialFalseAlertTest> test(double threshold) {
        return calibration.at(threshold).map(r -> new SequentialFalseAlertTest(SequentialFalseAlertTest.heldRate(r),
                config.falseAlertCheckMultiple(), config.falseAlertCheckAlpha()));
    }

    /**
     * The false alerts the deployment should expect over its planned window at its drafter's footfall and its
     * threshold's calibrated rates; empty without a footfall or a calibration.
     */
    public Optional<ExpectedFalseAlerts> expected(DeploymentView d) {
        if (d.expectedFacesPerHour() == null || d.plannedStart() == null || d.plannedEnd() == null) {
            return Optional.empty();
        }
        double hours = java.time.Duration.between(d.plannedStart(), d.plannedEnd()).toMinutes() / 60.0;
        return calibration.at(d.matchThreshold()).map(r -> ExpectedFalseAlerts.of(d.expectedFacesPerHour(), hours, r));
    }

    /** Alerts seen before this instant and still undecided are overdue. */
    public java.time.Instant overdueBefore() {
        return now.instant().minus(config.adjudicationOverdueAfter());
    }

    /** The check as the API shows it, for a deployment as it is now ({@code overdue}: alerts waiting too long). */
    public FalseAlertCheckView view(DeploymentView d, long overdue) {
        long x = d.falseAlertsObserved() - d.falseAlertCheckFromAlerts();
        long n = d.facesProcessed() - d.falseAlertCheckFromFaces();
        Optional<ThresholdRates> rates = calibration.at(d.matchThreshold());
        Optional<SequentialFalseAlertTest> test = test(d.matchThreshold());
        if (test.isEmpty()) {
            return new FalseAlertCheckView(x, n, null, FalseAlertVerdict.NOT_CALIBRATED, null, null, null, null,
                    overdue, config.adjudicationOverdueAfter().toMinutes(), d.falseAlertCheckFromFaces() > 0);
        }
        SequentialFalseAlertTest t = test.get();
        FalseAlertVerdict verdict = d.falseAlertExcessAt() != null ? FalseAlertVerdict.EXCESS
                : FalseAlertVerdict.NO_EXCESS;
        return new FalseAlertCheckView(x, n, n * t.calibratedRate(), verdict, d.falseAlertExcessAt(),
                t.calibratedRate(), rates.get().worstGroupName(), t.falseAlertsForVerdict(n), overdue,
                config.adjudicationOverdueAfter().toMinutes(), d.falseAlertCheckFromFaces() > 0);
    }
}
