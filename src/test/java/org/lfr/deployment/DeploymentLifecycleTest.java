package org.lfr.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.lfr.support.KeycloakTokensCache.token;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertRecorder;
import org.lfr.alert.NewAlert;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.GraphQLWebSocket;
import org.lfr.support.SharedEval;
import org.lfr.support.TestClock;
import org.lfr.transparency.DeploymentRecordService;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * One deployment's whole life over GraphQL (and REST for the image), with real Keycloak tokens for five different
 * people, a real PostgreSQL, and the service's clock moved forward where the rules need time to pass.
 */
@QuarkusTest
class DeploymentLifecycleTest {

    static final String CAROL = "carol.officer";
    static final String ALICE = "alice.supervisor";
    static final String BOB = "bob.supervisor";
    static final String ERIN = "erin.dpo";
    static final String FRANK = "frank.dual";

    @Inject
    TestClock clock;
    @Inject
    AlertRecorder alertService;
    @Inject
    DeploymentRecordService records;

    @TestHTTPResource("/graphql")
    URI graphql;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void draftToPublishedRecord() throws Exception {
        Instant now = clock.instant();
        Instant start = now.plus(Duration.ofHours(25));
        Map<String, Object> input = new HashMap<>(deploymentInput("CARDIFF-2026-11-28", start, start.plus(Duration.ofHours(5))));

        // Draft (officer)
        String id = ok(CAROL, "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id status createdBy } }",
                Map.of("i", input)).body("data.createDeployment.status", equalTo("DRAFT"))
                .extract().path("data.createDeployment.id");
        String cameraId = ok(CAROL, "mutation($d: ID!) { addCamera(deploymentId: $d, input: {name: \"north\","
                + " pushMode: true, positionDescription: \"Lamp post 4\"})"
                + " { cameras { id name } } }", Map.of("d", id)).extract().path("data.addCamera.cameras[0].id");

        // Community notice (supervisor), signage and leaflets (officer)
        ok(ALICE, "mutation($d: ID!) { publishNotice(deploymentId: $d, input: {channels: [WEB_PAGE, LEAFLET],"
                + " area: \"Queen Street\", text: \"Live facial recognition will be used here on Saturday.\"}) { id } }",
                Map.of("d", id));
        ok(CAROL, "mutation($c: ID!) { recordSignagePlaced(cameraId: $c, input: {signTextVersion: \"v3\"}) { id } }",
                Map.of("c", cameraId));
        ok(CAROL, "mutation($d: ID!) { recordLeaflets(deploymentId: $d, count: 250) { count } }", Map.of("d", id));

        // Watchlist: two entries, one a child who needs a supervisor's override; an enrolment image over REST
        String adult = proposeEntry(id, "SUBJ-A-1", false);
        String child = proposeEntry(id, "SUBJ-M-2", true);
        given().auth().oauth2(token(CAROL)).contentType("image/jpeg")
                .body(SharedEval.bytes("face_recognition_examples/obama/obama.jpg"))
                .put("/api/watchlist-entries/" + adult + "/image")
                .then().statusCode(200).body("hasImage", equalTo(true));
        error(BOB, "mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size } }", Map.of("d", id),
                "gate-not-met").body("errors[0].extensions.unmetRules", hasItem("ENTRY_OVERRIDE_MISSING"));
        ok(BOB, "mutation($e: ID!) { overrideWatchlistEntry(entryId: $e, reason: \"Missing child at risk;"
                + " parents consent\") { needsOverride overrideBy } }", Map.of("e", child))
                .body("data.overrideWatchlistEntry.overrideBy", equalTo(BOB));
        ok(BOB, "mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size approvedBy } }", Map.of("d", id))
                .body("data.approveWatchlist.size", equalTo(2));

        // Submit; four-eyes: the drafter cannot authorise, not even someone holding both roles for their own draft
        ok(CAROL, "mutation($d: ID!) { submitDeployment(id: $d) { status } }", Map.of("d", id));
        error(CAROL, "mutation($d: ID!) { authoriseDeployment(id: $d) { status } }", Map.of("d", id), "forbidden");
        ok(ALICE, "mutation($d: ID!) { authoriseDeployment(id: $d) { status authorisedBy } }", Map.of("d", id))
                .body("data.authoriseDeployment.authorisedBy", equalTo(ALICE));
        error(CAROL, "mutation($d: ID!, $i: WatchlistEntryInput!) { proposeWatchlistEntry(deploymentId: $d,"
                + " input: $i) { id } }", Map.of("d", id, "i", entryInput("SUBJ-LATE", false)), "conflict");

        // Too early: outside the window, and the notice is not yet 24 h old
        error(CAROL, "mutation($d: ID!) { startDeployment(id: $d) { status } }", Map.of("d", id), "gate-not-met")
                .body("errors[0].extensions.unmetRules",
                        containsInAnyOrder("OUTSIDE_AUTHORISED_WINDOW", "COMMUNITY_NOTICE_LEAD_TIME"));
        clock.advance(Duration.ofHours(25).plusMinutes(1));
        ok(CAROL, "mutation($d: ID!) { startDeployment(id: $d) { status startedBy } }", Map.of("d", id))
                .body("data.startDeployment.status", equalTo("ACTIVE"));

        // An alert from the pipeline reaches the officer's subscription
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect(graphql, token(CAROL))) {
            assertThat(ws.nextOfType("connection_ack", Duration.ofSeconds(10))).isNotNull();
            ws.subscribe("1", "subscription { alertRaised(deploymentId: \"" + id + "\") { id subjectReference similarity } }");
            Thread.sleep(1000);
            Fixtures.await(() -> alertService.raise(new NewAlert(UUID.fromString(id), UUID.fromString(cameraId),
                    UUID.fromString(adult), 0.83, clock.instant(), Fixtures.TINY_JPEG, "image/jpeg")));
            JsonNode next = ws.nextOfType("next", Duration.ofSeconds(10));
            assertThat(next).isNotNull();
            assertThat(next.at("/payload/data/alertRaised/subjectReference").asText()).isEqualTo("SUBJ-A-1");
        }
        String alertId = ok(CAROL, "query($d: ID!) { alerts(filter: {deploymentId: $d}) { edges { node { id hasCrop } } } }",
                Map.of("d", id)).body("data.alerts.edges[0].node.hasCrop", equalTo(true))
                .extract().path("data.alerts.edges[0].node.id");
        ok(CAROL, "mutation($a: ID!) { adjudicateAlert(input: {alertId: $a, adjudication: CONFIRMED_MATCH,"
                + " outcome: ARREST, notes: \"Arrested on warrant\"}) { adjudication outcome } }", Map.of("a", alertId))
                .body("data.adjudicateAlert.outcome", equalTo("ARREST"));
        Fixtures.await(() -> bean(FaceCount.class).add(UUID.fromString(id), 1200));

        // Close; within the purge deadline the watchlist's biometrics are gone, its metadata stays
        ok(CAROL, "mutation($d: ID!) { stopDeployment(id: $d) { status } }", Map.of("d", id))
                .body("data.stopDeployment.status", equalTo("CLOSED"));
        clock.advance(Duration.ofMinutes(1));
        ok(ERIN, "mutation { runRetention { watchlistsPurged enrolmentImagesPurged } }", Map.of());
        // this deployment's purge, whatever else the run purged: its one image and its one embedding
        ok(ERIN, "{ retentionStatus { recentPurges { kind deploymentId items } } }", Map.of())
                .body("data.retentionStatus.recentPurges.find { it.deploymentId == '" + id + "' }.kind",
                        equalTo("WATCHLIST_BIOMETRICS"))
                .body("data.retentionStatus.recentPurges.find { it.deploymentId == '" + id + "' }.items", equalTo(2));
        ok(ERIN, "query($d: ID!) { watchlist(deploymentId: $d) { purgedAt size entries { hasImage hasEmbedding } } }",
                Map.of("d", id)).body("data.watchlist.size", equalTo(2))
                .body("data.watchlist.purgedAt", org.hamcrest.Matchers.notNullValue())
                .body("data.watchlist.entries.hasImage", containsInAnyOrder(false, false))
                .body("data.watchlist.entries.hasEmbedding", containsInAnyOrder(false, false));

        // The record: generated by the service, published by a supervisor, read by anyone
        Fixtures.await(() -> records.generateDue());
        ok(ALICE, "mutation($d: ID!) { publishDeploymentRecord(deploymentId: $d) { reference } }", Map.of("d", id));
        GraphQL.post(null, "{ publishedDeploymentRecords(first: 500) { edges { node { reference watchlistSize"
                + " facesProcessed alerts confirmedMatches arrests falseAlertRate leafletsHandedOut signsPlaced"
                + " noticeChannels } } } }")
                .body("errors", nullValue())
                .body("data.publishedDeploymentRecords.edges.node.find { it.reference == 'CARDIFF-2026-11-28' }.alerts", equalTo(1))
                .body("data.publishedDeploymentRecords.edges.node.find { it.reference == 'CARDIFF-2026-11-28' }.arrests", equalTo(1))
                .body("data.publishedDeploymentRecords.edges.node.find { it.reference == 'CARDIFF-2026-11-28' }.facesProcessed", equalTo(1200))
                .body("data.publishedDeploymentRecords.edges.node.find { it.reference == 'CARDIFF-2026-11-28' }.leafletsHandedOut", equalTo(250))
                .body("data.publishedDeploymentRecords.edges.node.find { it.reference == 'CARDIFF-2026-11-28' }.noticeChannels",
                        containsInAnyOrder("LEAFLET", "WEB_PAGE"));
        ok(ERIN, "{ verifyAuditChain { intact eventsChecked } }", Map.of())
                .body("data.verifyAuditChain.intact", equalTo(true));
    }

    @Test
    void fourEyesHoldsEvenForSomeoneWithBothRoles() {
        Instant now = clock.instant();
        String id = ok(FRANK, "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }",
                Map.of("i", deploymentInput("DUAL-" + UUID.randomUUID().toString().substring(0, 8),
                        now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)))))
                .extract().path("data.createDeployment.id");
        proposeEntry(FRANK, id, "SUBJ-F", false);
        error(FRANK, "mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size } }", Map.of("d", id), "forbidden");
        ok(ALICE, "mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size } }", Map.of("d", id));
        ok(FRANK, "mutation($d: ID!) { submitDeployment(id: $d) { status } }", Map.of("d", id));
        error(FRANK, "mutation($d: ID!) { authoriseDeployment(id: $d) { status } }", Map.of("d", id), "forbidden")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("four-eyes"));
        ok(FRANK, "query($d: ID!) { deployment(id: $d) { status } }", Map.of("d", id))
                .body("data.deployment.status", equalTo("SUBMITTED"));
    }

    @Test
    void aDraftIsSubmittedByItsOfficerOrASupervisorButNeverByAnotherOfficer() {
        Instant now = clock.instant();
        String id = ok(CAROL, "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }",
                Map.of("i", deploymentInput("SUB-" + UUID.randomUUID().toString().substring(0, 8),
                        now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)))))
                .extract().path("data.createDeployment.id");
        String submit = "mutation($d: ID!) { submitDeployment(id: $d) { status submittedBy } }";
        error("dave.officer", submit, Map.of("d", id), "forbidden")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("or a supervisor"));
        error(ERIN, submit, Map.of("d", id), "forbidden");
        ok(BOB, submit, Map.of("d", id))
                .body("data.submitDeployment.status", equalTo("SUBMITTED"))
                .body("data.submitDeployment.submittedBy", equalTo(BOB));
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> deploymentInput(String reference, Instant start, Instant end) {
        return GraphQL.deploymentInput(reference, start, end);
    }

    static Map<String, Object> entryInput(String subject, boolean under18) {
        return Map.of("subjectReference", subject, "category", under18 ? "MISSING_PERSON" : "WANTED_BY_COURT",
                "legalBasis", "Warrant issued by Cardiff Crown Court", "imageSource", "Custody record",
                "imageDate", LocalDate.now().minusMonths(2).toString(),
                "justification", "Wanted for wounding with intent; believed to frequent the area",
                "subjectUnder18", under18);
    }

    private String proposeEntry(String deploymentId, String subject, boolean under18) {
        return proposeEntry(CAROL, deploymentId, subject, under18);
    }

    private String proposeEntry(String user, String deploymentId, String subject, boolean under18) {
        return ok(user, "mutation($d: ID!, $i: WatchlistEntryInput!) { proposeWatchlistEntry(deploymentId: $d,"
                + " input: $i) { id needsOverride } }", Map.of("d", deploymentId, "i", entryInput(subject, under18)))
                .body("data.proposeWatchlistEntry.needsOverride", equalTo(under18))
                .extract().path("data.proposeWatchlistEntry.id");
    }

    static ValidatableResponse ok(String user, String query, Map<String, Object> variables) {
        return GraphQL.ok(token(user), query, variables);
    }

    static ValidatableResponse error(String user, String query, Map<String, Object> variables, String code) {
        return GraphQL.refused(token(user), query, variables, code);
    }

    static <T> T bean(Class<T> type) {
        return Fixtures.bean(type);
    }

    static List<String> list(String... s) {
        return List.of(s);
    }
}
