package org.lfr.deployment;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("FalseAlertCheck")
@Description("The live check of observed false alerts against the calibrated rate (docs/GOVERNANCE.md): counts since"
        + " the start, or since a supervisor resumed a deployment the check paused.")
public record FalseAlertCheckView(
        @Description("False alerts officers have recorded.") long observed,
        @Description("Faces processed (the passers-by the cameras saw).") long facesProcessed,
        @Description("False alerts expected among them at the calibrated rate (null: not calibrated).") Double expected,
        @NonNull FalseAlertVerdict verdict,
        @Description("When the check found the excess (null: it has not).") Instant decidedAt,
        @Description("The calibrated rate the deployment is held to: the worst group's at its threshold.")
        Double calibratedRate,
        @Description("Whose rate that is: a group's name, or \"everyone\".") String group,
        @Description("How many false alerts among these faces the check would call significant.")
        Long falseAlertsForVerdict,
        @Description("Alerts waiting longer than lfr.governance.adjudication-overdue-after for an officer's decision:"
                + " undecided alerts are neither counted false nor true, so they weaken the check.") long overdueAlerts,
        @Description("That time, in minutes.") long overdueAfterMinutes,
        @Description("True when the counts restart from a supervisor's resumption after an excess.") boolean restarted) {
}
