package org.lfr.deployment;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.GateNotMetException;
import org.lfr.common.InputValidation;
import org.lfr.common.Now;

/**
 * What a drafted deployment must be: within the configured duration, in the future, its threshold above the floor and
 * within the maximum expected false-alert rate.
 */
@ApplicationScoped
class DeploymentInputRules {

    private final Now now;
    private final GovernanceConfig config;
    private final InputValidation validation;
    private final ThresholdCalibration calibration;

    DeploymentInputRules(Now now, GovernanceConfig config, InputValidation validation,
            ThresholdCalibration calibration) {
        this.now = now;
        this.config = config;
        this.validation = validation;
        this.calibration = calibration;
    }

    void validate(DeploymentInput input) {
        validation.check(input);
        InputValidation.require(input.plannedEnd().isAfter(input.plannedStart()), "plannedEnd",
                "must be after plannedStart");
        Duration duration = Duration.between(input.plannedStart(), input.plannedEnd());
        InputValidation.require(duration.compareTo(config.maxDuration()) <= 0, "plannedEnd",
                "a deployment may last at most " + config.maxDuration().toHours() + " h, not " + duration.toMinutes()
                        + " min");
        InputValidation.require(input.plannedEnd().isAfter(now.instant()), "plannedEnd", "must be in the future");
        if (input.matchThreshold() != null) {
            requireThreshold(input.matchThreshold());
        }
    }

    /**
     * Within the floor and 1, and — where the running models are calibrated — not implying more false alerts than
     * the configured maximum. Without a calibration the threshold may be set; authorising and starting then refuse.
     */
    void requireThreshold(double threshold) {
        InputValidation.require(threshold >= config.thresholdFloor() && threshold <= 1.0, "matchThreshold",
                "must be between the configured floor " + config.thresholdFloor() + " and 1");
        List<GateRule> unmet = thresholdUnmet(threshold);
        unmet.remove(GateRule.THRESHOLD_NOT_CALIBRATED);
        if (!unmet.isEmpty()) {
            throw new GateNotMetException(thresholdRefusal(threshold), unmet);
        }
    }

    /** "threshold 0.81 (at threshold 0.81 the calibrated false-alert rate of group F is about 1 in 530 …)". */
    String thresholdRefusal(double threshold) {
        return "threshold " + threshold + ThresholdRules.excess(calibration.at(threshold), config.maxFalseAlertRate())
                .map(why -> " (" + why + ")").orElse("");
    }

    /** The threshold rules for authorising and starting (the calibration must exist and allow it). */
    List<GateRule> thresholdUnmet(double threshold) {
        return new ArrayList<>(ThresholdRules.unmet(calibration.at(threshold), config.maxFalseAlertRate()));
    }

    void apply(Deployment d, DeploymentInput in) {
        d.reference = in.reference();
        d.purpose = in.purpose();
        d.locationName = in.locationName();
        d.latitude = in.latitude();
        d.longitude = in.longitude();
        d.areaDescription = in.areaDescription();
        d.locationRationale = in.locationRationale();
        d.plannedStart = in.plannedStart().truncatedTo(ChronoUnit.SECONDS);
        d.plannedEnd = in.plannedEnd().truncatedTo(ChronoUnit.SECONDS);
        d.dpiaReference = in.dpiaReference();
        d.equalityImpactReference = in.equalityImpactReference();
        d.matchThreshold = in.matchThreshold() == null ? config.defaultMatchThreshold() : in.matchThreshold();
        d.expectedFacesPerHour = in.expectedFacesPerHour();
    }
}
