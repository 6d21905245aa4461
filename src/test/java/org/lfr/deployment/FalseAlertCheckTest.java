package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lfr.support.Fixtures.await;
import static org.lfr.support.KeycloakTokensCache.token;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.GraphQLWebSocket;
import org.lfr.support.Management;
import org.lfr.support.Sql;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live check (issue #22): false alerts that officers record are weighed against the faces processed at the
 * calibrated rate of the worst group at the threshold (0.815: group F, 1 in 1,060). Above it — seven false alerts in 40
 * faces — the service pauses the deployment, tells supervisors on the subscription, audits the verdict and counts it;
 * only a supervisor resumes it, with a reason, and the check then starts again. Below it — two in 100,000 — nothing
 * happens. Alerts are recorded by the alert recorder the pipeline uses and decided through the API by the operator.
 */
@QuarkusTest
class FalseAlertCheckTest {

    static final String CAROL = "carol.officer", ALICE = "alice.supervisor";
    static final String DECIDE = "mutation($a: ID!) { adjudicateAlert(input: {alertId: $a, adjudication: FALSE_ALERT})"
            + " { adjudication } }";
    static final String CHECK = "query($id: ID!) { deployment(id: $id) { status holdReason falseAlertCheck { observed"
            + " facesProcessed expected verdict decidedAt group falseAlertsForVerdict restarted } } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void falseAlertsAboveTheCalibratedRatePauseTheDeploymentTellSupervisorsAndAreAudited() throws Exception {
        DeploymentView d = Fixtures.active(Fixtures.officer(CAROL));
        await(() -> Fixtures.bean(FaceCount.class).add(d.id(), 40));
        String id = d.id().toString();
        GraphQL.ok(token(ALICE), CHECK, Map.of("id", id))
                .body("data.deployment.falseAlertCheck.verdict", equalTo("NO_EXCESS"))
                .body("data.deployment.falseAlertCheck.group", equalTo("F"))
                .body("data.deployment.falseAlertCheck.falseAlertsForVerdict", equalTo(7));
        double before = excessCount();
        try (GraphQLWebSocket supervisor = GraphQLWebSocket.connect(graphql, token(ALICE))) {
            assertThat(supervisor.nextOfType("connection_ack", Duration.ofSeconds(10))).isNotNull();
            supervisor.subscribe("n", "subscription { falseAlertNotices { deploymentId reference observed"
                    + " facesProcessed expected paused sentence } }");
            Thread.sleep(500); // the subscription is registered before the verdict
            for (int i = 0; i < 6; i++) {
                decide(d);
            }
            assertThat(Fixtures.deployment(d.id()).status()).as("six of 40 are not yet significant")
                    .isEqualTo(DeploymentStatus.ACTIVE);
            decide(d);
            JsonNode notice = supervisor.nextOfType("next", Duration.ofSeconds(10));
            assertThat(notice).as("a notice on the subscription").isNotNull();
            JsonNode n = notice.path("payload").path("data").path("falseAlertNotices");
            assertThat(n.path("deploymentId").asText()).isEqualTo(id);
            assertThat(n.path("observed").asLong()).isEqualTo(7);
            assertThat(n.path("facesProcessed").asLong()).isEqualTo(40);
            assertThat(n.path("paused").asBoolean()).isTrue();
            assertThat(n.path("sentence").asText()).contains("7 false alerts in 40 faces");
        }
        GraphQL.ok(token(ALICE), CHECK, Map.of("id", id))
                .body("data.deployment.status", equalTo("PAUSED"))
                .body("data.deployment.holdReason", equalTo(FalseAlertCheck.REASON_EXCESS))
                .body("data.deployment.falseAlertCheck.verdict", equalTo("EXCESS"))
                .body("data.deployment.falseAlertCheck.observed", equalTo(7));
        assertThat(Sql.count("select count(*) from audit_event where action = 'FALSE_ALERT_EXCESS' and subject_id = ?"
                + " and details like '%\"paused\":true%'", id)).isOne();
        assertThat(excessCount()).as("lfr_false_alerts_excess_total").isEqualTo(before + 1);

        // the operator may not resume it; a supervisor must, with a reason
        GraphQL.refused(token(CAROL), "mutation($id: ID!) { resumeDeployment(id: $id) { status } }", Map.of("id", id),
                "forbidden");
        GraphQL.refused(token(ALICE), "mutation($id: ID!) { resumeHeldDeployment(id: $id, reason: \" \") { status } }",
                Map.of("id", id), "invalid-input");
        GraphQL.ok(token(ALICE), "mutation($id: ID!) { resumeHeldDeployment(id: $id, reason: \"Lighting fixed at the"
                + " camera; officers briefed\") { status } }", Map.of("id", id))
                .body("data.resumeHeldDeployment.status", equalTo("ACTIVE"));
        GraphQL.ok(token(ALICE), CHECK, Map.of("id", id))
                .body("data.deployment.falseAlertCheck.verdict", equalTo("NO_EXCESS"))
                .body("data.deployment.falseAlertCheck.observed", equalTo(0))
                .body("data.deployment.falseAlertCheck.restarted", equalTo(true));
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_RESUMED' and subject_id = ?"
                + " and details like '%Lighting fixed%'", id)).isOne();
    }

    @Test
    void falseAlertsWithinTheCalibratedRateChangeNothing() {
        DeploymentView d = Fixtures.active(Fixtures.officer(CAROL));
        await(() -> Fixtures.bean(FaceCount.class).add(d.id(), 100_000));
        decide(d);
        decide(d);
        GraphQL.ok(token(ALICE), CHECK, Map.of("id", d.id().toString()))
                .body("data.deployment.status", equalTo("ACTIVE"))
                .body("data.deployment.falseAlertCheck.verdict", equalTo("NO_EXCESS"))
                .body("data.deployment.falseAlertCheck.observed", equalTo(2))
                .body("data.deployment.falseAlertCheck.expected", equalTo(94.3f));
        assertThat(Sql.count("select count(*) from audit_event where action = 'FALSE_ALERT_EXCESS' and subject_id = ?",
                d.id().toString())).isZero();
    }

    @Test
    void aThresholdUnderTheCapOverallButOverItForOneGroupIsRefusedNamingTheGroup() {
        DeploymentView d = Fixtures.draft(Fixtures.officer("cap.officer"));
        // 0.81: everyone 1 in 1,316 (under the 1-in-1,000 cap), group F 1 in 530 (over it)
        GraphQL.refused(token(CAROL), "mutation($d: ID!) { setMatchThreshold(id: $d, threshold: 0.81)"
                + " { matchThreshold } }", Map.of("d", d.id().toString()), "forbidden");
        String asSupervisor = "mutation($d: ID!, $t: Float!) { setMatchThreshold(id: $d, threshold: $t) { matchThreshold"
                + " expectedRates { worstGroup { group falseAlertRate } } } }";
        GraphQL.refused(token(ALICE), asSupervisor, Map.of("d", d.id().toString(), "t", 0.81), "gate-not-met")
                .body("errors[0].message", containsString("group F is about 1 in 530 (0.189 %)"))
                .body("errors[0].extensions.unmetRules[0]", equalTo("FALSE_ALERT_RATE_TOO_HIGH"));
        GraphQL.ok(token(ALICE), asSupervisor, Map.of("d", d.id().toString(), "t", 0.815))
                .body("data.setMatchThreshold.expectedRates.worstGroup.group", equalTo("F"));
    }

    private static void decide(DeploymentView d) {
        UUID alert = Fixtures.alert(d).id();
        GraphQL.ok(token(CAROL), DECIDE, Map.of("a", alert.toString()));
    }

    private static double excessCount() {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("lfr_false_alerts_excess_total{") && l.contains("paused=\"true\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf("} ") + 2).split(" ")[0])).sum();
    }
}
