package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lfr.support.Fixtures.await;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * A threshold in rates: the deployment says what its threshold means, from the committed calibration of the running
 * models, and a threshold whose calibrated false-alert rate is above the configured maximum (1 in 1,000) is refused —
 * although it is above the raw floor — with its rule code, audited.
 */
@QuarkusTest
class ThresholdCalibrationTest {

    static final Actor OFFICER = Fixtures.officer("calibrated.officer");

    @Test
    @TestSecurity(user = "calibrated.supervisor", roles = "supervisor")
    void aThresholdAboveTheFloorButTooManyFalseAlertsIsRefusedWithItsRule() {
        DeploymentView d = Fixtures.draft(OFFICER);
        String set = "mutation($d: ID!, $t: Float!) { setMatchThreshold(id: $d, threshold: $t) { matchThreshold"
                + " expectedRates { falseAlertRate sentence groups { group falseAlertRate } } } }";
        // 0.79: above the floor 0.78, but about 1 in 190 passers-by would alert on the calibration set
        GraphQL.refused(null, set, Map.of("d", d.id().toString(), "t", 0.79), "gate-not-met")
                .body("errors[0].extensions.unmetRules", hasItem("FALSE_ALERT_RATE_TOO_HIGH"));
        assertThat(Fixtures.deployment(d.id()).matchThreshold()).as("unchanged").isEqualTo(0.815);
        assertThat(Sql.count("select count(*) from audit_event where action = 'MATCH_THRESHOLD_SET_REFUSED'"
                + " and subject_id = ?", d.id().toString())).isOne();
        // 0.82 is allowed, and reads as rates
        GraphQL.ok(null, set, Map.of("d", d.id().toString(), "t", 0.82))
                .body("data.setMatchThreshold.matchThreshold", equalTo(0.82f))
                .body("data.setMatchThreshold.expectedRates.sentence", containsString("1 in 1,972 passers-by"))
                .body("data.setMatchThreshold.expectedRates.groups.group", hasItem("F"));
    }

    @Test
    @TestSecurity(user = "calibrated.dpo", roles = "dpo")
    void theCalibrationIsPublishedWithTheLimits() {
        GraphQL.ok(null, "{ thresholdCalibration { available maxFalseAlertRate thresholdFloor defaultThreshold"
                + " thresholds { calibratedThreshold falseAlertRate identificationRate evaluationSet } } }", Map.of())
                .body("data.thresholdCalibration.available", equalTo(true))
                .body("data.thresholdCalibration.maxFalseAlertRate", equalTo(0.001f))
                .body("data.thresholdCalibration.thresholds.size()", equalTo(100))
                .body("data.thresholdCalibration.thresholds.find { it.calibratedThreshold == 0.81f }.falseAlertRate",
                        equalTo(7.6E-4f));
    }

    @Test
    void aDraftAtTheDefaultThresholdCanBeAuthorisedAndItsRecordStatesTheRateItExpected() {
        DeploymentView active = Fixtures.active(OFFICER);
        assertThat(Fixtures.bean(ThresholdCalibration.class).at(active.matchThreshold())).isPresent();
        await(() -> Fixtures.bean(DeploymentService.class).stop(OFFICER, active.id()));
        await(() -> Fixtures.bean(org.lfr.transparency.DeploymentRecordService.class).generateDue());
        var record = await(() -> Fixtures.bean(org.lfr.transparency.DeploymentRecordService.class).all()).stream()
                .filter(r -> r.deploymentId().equals(active.id())).findFirst().orElseThrow();
        // the default 0.815, the lowest at which every calibrated group is within 1 in 1,000 (women: 1 in 1,060)
        assertThat(record.matchThreshold()).isEqualTo(0.815);
        assertThat(record.expectedFalseAlertRate()).isEqualTo(0.000507);
        assertThat(record.expectedWorstGroupFalseAlertRate()).isEqualTo(0.000943);
        assertThat(record.expectedRateGroup()).isEqualTo("F");
        assertThat(record.expectedRates()).contains("1 in 1,972");
    }
}
