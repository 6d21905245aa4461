package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.lfr.support.KeycloakTokensCache.token;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.GraphQLWebSocket;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The role rules with real Keycloak tokens: over HTTP an allowed and a refused operation per role, and over
 * WebSocket (graphql-transport-ws, token in connection_init) every subscription × every role.
 */
@QuarkusTest
class RealTokenAccessTest {

    static final String CAROL = "carol.officer", ALICE = "alice.supervisor", ERIN = "erin.dpo";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void overHttpEachRoleHasAnAllowedAndARefusedCell() {
        GraphQL.post(token(CAROL), "{ deployments { edges { node { id } } } }").body("errors", nullValue());
        GraphQL.post(token(CAROL), "mutation { runRetention { alertsDeleted } }")
                .body("errors[0].extensions.code", equalTo("forbidden"));

        GraphQL.post(token(ALICE), "{ deploymentRecords { reference } }").body("errors", nullValue());
        GraphQL.post(token(ALICE), "{ verifyAuditChain { intact } }")
                .body("errors[0].extensions.code", equalTo("forbidden"));

        GraphQL.post(token(ERIN), "{ verifyAuditChain { intact } }").body("errors", nullValue());
        GraphQL.post(token(ERIN), "mutation { createDeployment(input: {reference: \"X\", purpose: \"p\","
                + " locationName: \"l\", latitude: 1, longitude: 1, areaDescription: \"a\", locationRationale:"
                + " \"a rationale long enough to pass\", plannedStart: \"2030-01-01T10:00:00Z\", plannedEnd:"
                + " \"2030-01-01T12:00:00Z\", dpiaReference: \"d\", equalityImpactReference: \"e\"}) { id } }")
                .body("errors[0].extensions.code", equalTo("forbidden"));

        GraphQL.post(null, "{ publicDeployments { edges { node { locationName } } } }").body("errors", nullValue());
        GraphQL.post(null, "{ deployments { edges { node { id } } } }").body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void alertSubscriptionIsForOperatorsAndSupervisorsOnly() throws Exception {
        // carol operates it (she started it); the DPO may not watch live alerts, nor may the public
        DeploymentView active = Fixtures.active(Fixtures.officer(CAROL));
        String subscription = "subscription { alertRaised(deploymentId: \"" + active.id() + "\") { id similarity } }";
        try (GraphQLWebSocket officer = subscribe(CAROL, subscription);
                GraphQLWebSocket supervisor = subscribe(ALICE, subscription);
                GraphQLWebSocket dpo = subscribe(ERIN, subscription);
                GraphQLWebSocket anonymous = subscribe(null, subscription)) {
            Thread.sleep(1000);
            Fixtures.alert(active);
            assertThat(officer.nextOfType("next", Duration.ofSeconds(10))).as("officer").isNotNull();
            assertThat(supervisor.nextOfType("next", Duration.ofSeconds(10))).as("supervisor").isNotNull();
            assertRefused(dpo, "forbidden");
            assertRefused(anonymous, "unauthorized");
        }
    }

    @Test
    void anOfficerCannotWatchTheAlertsOfADeploymentTheyDoNotOperate() throws Exception {
        DeploymentView active = Fixtures.active(Fixtures.officer("someone.else"));
        try (GraphQLWebSocket officer = subscribe(CAROL,
                "subscription { alertRaised(deploymentId: \"" + active.id() + "\") { id } }")) {
            assertRefused(officer, "forbidden");
        }
    }

    @Test
    void statusSubscriptionIsForEveryStaffRoleButNotThePublic() throws Exception {
        // carol is assigned to it; dave, an officer of the same force, is not and hears nothing of it
        DeploymentView active = Fixtures.active(Fixtures.officer(CAROL));
        String subscription = "subscription { deploymentStatusChanged(deploymentId: \"" + active.id() + "\") { status } }";
        try (GraphQLWebSocket officer = subscribe(CAROL, subscription);
                GraphQLWebSocket unassigned = subscribe("dave.officer", "subscription { deploymentStatusChanged { status } }");
                GraphQLWebSocket supervisor = subscribe(ALICE, subscription);
                GraphQLWebSocket dpo = subscribe(ERIN, subscription);
                GraphQLWebSocket anonymous = subscribe(null, subscription)) {
            Thread.sleep(1000);
            Fixtures.await(() -> Fixtures.bean(DeploymentService.class).pause(Fixtures.officer(CAROL), active.id()));
            for (GraphQLWebSocket allowed : new GraphQLWebSocket[] {officer, supervisor, dpo}) {
                JsonNode next = allowed.nextOfType("next", Duration.ofSeconds(10));
                assertThat(next).isNotNull();
                assertThat(next.at("/payload/data/deploymentStatusChanged/status").asText()).isEqualTo("PAUSED");
            }
            assertThat(unassigned.nextOfType("next", Duration.ofSeconds(2))).as("an officer not assigned to it").isNull();
            assertRefused(anonymous, "unauthorized");
        }
    }

    /** The live false-alert notice is for supervisors and the DPO (delivery itself: FalseAlertCheckTest). */
    @Test
    void falseAlertNoticesAreForSupervisorsAndTheDpoOnly() throws Exception {
        String subscription = "subscription { falseAlertNotices { deploymentId observed } }";
        try (GraphQLWebSocket officer = subscribe(CAROL, subscription);
                GraphQLWebSocket supervisor = subscribe(ALICE, subscription);
                GraphQLWebSocket dpo = subscribe(ERIN, subscription);
                GraphQLWebSocket anonymous = subscribe(null, subscription)) {
            assertRefused(officer, "forbidden");
            assertRefused(anonymous, "unauthorized");
            assertThat(supervisor.next(Duration.ofSeconds(2))).as("supervisor: subscribed, nothing refused").isNull();
            assertThat(dpo.next(Duration.ofSeconds(1))).as("dpo: subscribed, nothing refused").isNull();
        }
    }

    @Test
    void anOfficerTakenOffADeploymentStopsHearingItsAlertsAtOnce() throws Exception {
        DeploymentView active = Fixtures.active(Fixtures.officer(CAROL));
        Fixtures.assign(active.id(), CAROL, "dave.officer");
        String subscription = "subscription { alertRaised(deploymentId: \"" + active.id() + "\") { id } }";
        try (GraphQLWebSocket carol = subscribe(CAROL, subscription);
                GraphQLWebSocket dave = subscribe("dave.officer", subscription)) {
            Thread.sleep(1000);
            Fixtures.alert(active);
            assertThat(dave.nextOfType("next", Duration.ofSeconds(10))).as("dave, assigned").isNotNull();
            assertThat(carol.nextOfType("next", Duration.ofSeconds(10))).as("carol").isNotNull();
            Fixtures.assign(active.id(), CAROL); // a supervisor takes dave off
            assertRefused(dave, "forbidden");
            Fixtures.alert(active);
            assertThat(carol.nextOfType("next", Duration.ofSeconds(10))).as("carol, still assigned").isNotNull();
            assertThat(dave.nextOfType("next", Duration.ofSeconds(2))).as("dave, taken off").isNull();
        }
    }

    /**
     * Officer A's decision reaches officer B's console (and a supervisor's) on the alertDecided subscription, with who
     * decided, the decision, outcome and notes; the DPO and the public may not subscribe; an officer taken off the
     * deployment is cut off at once. A supervisor who tries to decide is told why in words.
     */
    @Test
    void aColleaguesDecisionReachesEveryConsole() throws Exception {
        DeploymentView active = Fixtures.active(Fixtures.officer(CAROL));
        Fixtures.assign(active.id(), CAROL, "dave.officer");
        String alert = Fixtures.alert(active).id().toString();
        String subscription = "subscription { alertDecided(deploymentId: \"" + active.id() + "\") { id adjudication"
                + " adjudicatedBy adjudicatedAt outcome outcomeNotes } }";
        try (GraphQLWebSocket dave = subscribe("dave.officer", subscription);
                GraphQLWebSocket supervisor = subscribe(ALICE, subscription);
                GraphQLWebSocket dpo = subscribe(ERIN, subscription);
                GraphQLWebSocket anonymous = subscribe(null, subscription)) {
            Thread.sleep(1000);
            GraphQL.post(token(ALICE), "mutation($a: ID!) { adjudicateAlert(input: {alertId: $a, adjudication:"
                    + " FALSE_ALERT}) { id } }", java.util.Map.of("a", alert))
                    .body("errors[0].extensions.code", equalTo("forbidden"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString(
                            "only the officers assigned to operate deployment"));
            assertThat(org.lfr.support.Sql.count("select count(*) from audit_event where action = 'ALERT_ADJUDICATED_REFUSED'"
                    + " and subject_id = ? and actor = ?", alert, ALICE)).as("the refusal is audited").isOne();
            GraphQL.post(token(CAROL), "mutation($a: ID!) { adjudicateAlert(input: {alertId: $a, adjudication:"
                    + " CONFIRMED_MATCH, outcome: ARREST, notes: \"Arrested on warrant\"}) { id } }",
                    java.util.Map.of("a", alert)).body("errors", nullValue());
            for (GraphQLWebSocket console : new GraphQLWebSocket[] {dave, supervisor}) {
                JsonNode next = console.nextOfType("next", Duration.ofSeconds(10));
                assertThat(next).as("the decision on another console").isNotNull();
                JsonNode decided = next.at("/payload/data/alertDecided");
                assertThat(decided.path("id").asText()).isEqualTo(alert);
                assertThat(decided.path("adjudicatedBy").asText()).isEqualTo(CAROL);
                assertThat(decided.path("adjudication").asText()).isEqualTo("CONFIRMED_MATCH");
                assertThat(decided.path("outcome").asText()).isEqualTo("ARREST");
                assertThat(decided.path("outcomeNotes").asText()).isEqualTo("Arrested on warrant");
                assertThat(decided.path("adjudicatedAt").isNull()).isFalse();
            }
            assertRefused(dpo, "forbidden");
            assertRefused(anonymous, "unauthorized");

            Fixtures.assign(active.id(), CAROL); // a supervisor takes dave off
            assertRefused(dave, "forbidden");
            String second = Fixtures.alert(active).id().toString();
            GraphQL.post(token(CAROL), "mutation($a: ID!) { adjudicateAlert(input: {alertId: $a, adjudication:"
                    + " FALSE_ALERT}) { id } }", java.util.Map.of("a", second)).body("errors", nullValue());
            JsonNode next = supervisor.nextOfType("next", Duration.ofSeconds(10));
            assertThat(next.at("/payload/data/alertDecided/id").asText()).isEqualTo(second);
            assertThat(dave.nextOfType("next", Duration.ofSeconds(2))).as("dave, taken off").isNull();
        }
    }

    /** The dashboard's public client takes no passwords: only its login page (and any second factor) signs in. */
    @Test
    void theBrowserClientRefusesThePasswordGrant() {
        String realm = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.auth-server-url", String.class);
        io.restassured.RestAssured.given().formParam("grant_type", "password").formParam("client_id", "lfr-web")
                .formParam("username", CAROL).formParam("password", "demo-carol-pass")
                .post(realm + "/protocol/openid-connect/token").then().statusCode(org.hamcrest.Matchers.oneOf(400, 401))
                .body("error", equalTo("unauthorized_client"));
    }

    @Test
    void aConnectionWithAForgedTokenIsNotAccepted() throws Exception {
        String forged = token(CAROL).substring(0, token(CAROL).length() - 3) + "abc";
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect(graphql, forged)) {
            JsonNode reply = ws.next(Duration.ofSeconds(10));
            assertThat(reply).isNotNull();
            assertThat(reply.path("type").asText()).isNotEqualTo("connection_ack");
        }
    }

    private GraphQLWebSocket subscribe(String user, String subscription) throws Exception {
        GraphQLWebSocket ws = GraphQLWebSocket.connect(graphql, user == null ? null : token(user));
        assertThat(ws.nextOfType("connection_ack", Duration.ofSeconds(10))).as("ack for " + user).isNotNull();
        ws.subscribe(UUID.randomUUID().toString(), subscription);
        return ws;
    }

    private static void assertRefused(GraphQLWebSocket ws, String code) throws InterruptedException {
        JsonNode reply = ws.next(Duration.ofSeconds(10));
        assertThat(reply).as("a reply refusing the subscription").isNotNull();
        assertThat(reply.path("type").asText()).isIn("error", "next");
        JsonNode errors = "error".equals(reply.path("type").asText()) ? reply.path("payload")
                : reply.path("payload").path("errors");
        assertThat(errors.toString()).contains("\"code\":\"" + code + "\"");
    }

}
