package org.lfr.deployment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("FalseAlertVerdict")
@Description("The live check's verdict on observed false alerts against the calibrated rate.")
public enum FalseAlertVerdict {
    /** No significant excess so far (the check watches on: it never decides that all is well). */
    NO_EXCESS,
    /** Observed false alerts significantly above the calibrated rate (sequential test, docs/GOVERNANCE.md). */
    EXCESS,
    /** The running models have no calibration, so there is no rate to hold the deployment to. */
    NOT_CALIBRATED
}
