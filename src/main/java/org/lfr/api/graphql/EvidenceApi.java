package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lfr.alert.AlertQueries;
import org.lfr.deployment.DeploymentView;
import org.lfr.deployment.ExpectedFalseAlerts;
import org.lfr.deployment.FalseAlertCheck;
import org.lfr.deployment.FalseAlertCheckView;
import org.lfr.deployment.FalseAlertNotices;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** False alerts before (expected), during (the live check and its notices) a deployment: docs/GOVERNANCE.md. */
@GraphQLApi
public class EvidenceApi {

    private final FalseAlertCheck check;
    private final FalseAlertNotices notices;
    private final AlertQueries alerts;

    EvidenceApi(FalseAlertCheck check, FalseAlertNotices notices, AlertQueries alerts) {
        this.check = check;
        this.notices = notices;
        this.alerts = alerts;
    }

    @Description("The false alerts to expect over the planned window at the expected footfall and the threshold's"
            + " calibrated rates (the worst group's as the headline; each group's beside it). Null without an expected"
            + " footfall or a calibration.")
    public ExpectedFalseAlerts expectedFalseAlerts(@Source DeploymentView deployment) {
        return check.expected(deployment).orElse(null);
    }

    @Description("The live check of observed false alerts against faces processed at the calibrated rate.")
    public Uni<@NonNull FalseAlertCheckView> falseAlertCheck(@Source DeploymentView deployment) {
        return alerts.undecidedSince(deployment.id(), check.overdueBefore())
                .map(overdue -> check.view(deployment, overdue));
    }

    @Subscription
    @Description("A live notice each time the check finds a deployment's false alerts significantly above the"
            + " calibrated rate (and whether the service paused it). Supervisors and the DPO.")
    @RolesAllowed({SUPERVISOR, DPO})
    public Multi<FalseAlertNotices.Notice> falseAlertNotices() {
        return notices.stream();
    }
}
