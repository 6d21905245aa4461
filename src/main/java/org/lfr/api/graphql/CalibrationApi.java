package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.deployment.DeploymentView;
import org.lfr.deployment.GovernanceConfig;
import org.lfr.deployment.ThresholdCalibration;
import org.lfr.deployment.ThresholdRates;

/** Thresholds in rates: what a deployment's threshold means, and the whole calibration for choosing one. */
@GraphQLApi
public class CalibrationApi {

    /** The calibration of the running models, and the limits governance puts on thresholds. */
    @Type("ThresholdCalibration")
    public record CalibrationView(boolean available,
            @Description("Why there are no rates (no calibration, or one of other models).") String unavailableBecause,
            @Description("The highest expected false-alert rate a threshold may imply (rule FALSE_ALERT_RATE_TOO_HIGH).")
            double maxFalseAlertRate, double thresholdFloor, double defaultThreshold,
            @Description("Every calibrated threshold, lowest first.") @NonNull List<@NonNull ThresholdRates> thresholds) {
    }

    private final ThresholdCalibration calibration;
    private final GovernanceConfig governance;

    CalibrationApi(ThresholdCalibration calibration, GovernanceConfig governance) {
        this.calibration = calibration;
        this.governance = governance;
    }

    @Description("What the deployment's match threshold means: expected false-alert and identification rates, per"
            + " group where calibrated. Null when the running models are not calibrated.")
    public ThresholdRates expectedRates(@Source DeploymentView deployment) {
        return calibration.at(deployment.matchThreshold()).orElse(null);
    }

    @Query
    @Description("The calibration of the running models (threshold to expected rates) and the governance limits.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public CalibrationView thresholdCalibration() {
        return new CalibrationView(calibration.unavailableBecause().isEmpty(),
                calibration.unavailableBecause().orElse(null), governance.maxFalseAlertRate(),
                governance.thresholdFloor(), governance.defaultMatchThreshold(), calibration.table());
    }
}
