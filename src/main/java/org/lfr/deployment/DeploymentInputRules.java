package org.lfr.deployment;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.InputValidation;
import org.lfr.common.Now;

/** What a drafted deployment must be: within the configured duration, in the future, above the threshold floor. */
@ApplicationScoped
class DeploymentInputRules {

    private final Now now;
    private final GovernanceConfig config;
    private final InputValidation validation;

    DeploymentInputRules(Now now, GovernanceConfig config, InputValidation validation) {
        this.now = now;
        this.config = config;
        this.validation = validation;
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

    void requireThreshold(double threshold) {
        InputValidation.require(threshold >= config.thresholdFloor() && threshold <= 1.0, "matchThreshold",
                "must be between the configured floor " + config.thresholdFloor() + " and 1");
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
    }
}
