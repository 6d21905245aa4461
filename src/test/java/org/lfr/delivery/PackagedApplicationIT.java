package org.lfr.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.lfr.support.KeycloakTokensCache.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.support.GraphQL;
import org.lfr.support.Management;
import org.lfr.support.SharedEval;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;

/**
 * The packaged application (the JVM jar here; the native executable where GraalVM builds one) against the real
 * PostgreSQL and Keycloak: health, an authenticated query, and a frame through the whole pipeline.
 */
@QuarkusIntegrationTest
@org.junit.jupiter.api.Order(1)
class PackagedApplicationIT {

    static final String CAROL = "carol.officer", ALICE = "alice.supervisor", BOB = "bob.supervisor";

    @Test
    void isHealthy() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void answersAnAuthenticatedQueryWithARealToken() {
        GraphQL.post(token(ALICE), "{ me { username roles } }").body("errors", nullValue())
                .body("data.me.username", equalTo(ALICE));
        GraphQL.post(null, "{ me { username } }").body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void aPushedFrameGoesThroughThePipelineToAnAlert() throws Exception {
        Instant now = Instant.now();
        Map<String, Object> input = GraphQL.deploymentInput("IT-" + UUID.randomUUID().toString().substring(0, 8),
                now.minus(1, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.HOURS));
        String id = ok(CAROL, "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }", Map.of("i", input))
                .extract().path("data.createDeployment.id");
        String camera = ok(CAROL, "mutation($d: ID!) { addCamera(deploymentId: $d, input: {name: \"it-cam\","
                + " pushMode: true, deviceClientId: \"lfr-camera\", positionDescription: \"Door\"}) { cameras { id } } }",
                Map.of("d", id))
                .extract().path("data.addCamera.cameras[0].id");
        ok(CAROL, "mutation($c: ID!) { recordSignagePlaced(cameraId: $c, input: {signTextVersion: \"v1\"}) { id } }",
                Map.of("c", camera));
        String entry = ok(CAROL, "mutation($d: ID!) { proposeWatchlistEntry(deploymentId: $d, input: {subjectReference:"
                + " \"OBAMA\", category: WANTED_BY_COURT, legalBasis: \"Test\", imageSource: \"Press photo\", imageDate:"
                + " \"2026-01-01\", justification: \"Enrolled for the integration test\", subjectUnder18: false}) { id } }",
                Map.of("d", id)).extract().path("data.proposeWatchlistEntry.id");
        given().auth().oauth2(token(CAROL)).contentType("image/jpeg")
                .body(SharedEval.bytes("face_recognition_examples/obama/obama.jpg"))
                .put("/api/watchlist-entries/" + entry + "/image").then().statusCode(200).body("hasEmbedding", equalTo(true));
        ok(BOB, "mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size } }", Map.of("d", id));
        ok(CAROL, "mutation($d: ID!) { submitDeployment(id: $d) { status } }", Map.of("d", id));
        ok(ALICE, "mutation($d: ID!) { authoriseDeployment(id: $d, noticeExemptionReason: \"Integration test\")"
                + " { status } }", Map.of("d", id));
        ok(CAROL, "mutation($d: ID!) { startDeployment(id: $d) { status } }", Map.of("d", id))
                .body("data.startDeployment.status", equalTo("ACTIVE"));

        byte[] frame = SharedEval.bytes("face_recognition_examples/obama/obama2.jpg");
        String device = org.lfr.support.KeycloakTokens.cameraDeviceToken(); // the camera's own device pushes
        int alerts = 0;
        for (int i = 0; i < 40 && alerts == 0; i++) {
            given().auth().oauth2(device).contentType("image/jpeg").body(frame)
                    .post("/api/cameras/" + camera + "/frames").then().statusCode(org.hamcrest.Matchers.anyOf(
                            equalTo(202), equalTo(409))); // 409 until the worker for the camera is up
            Thread.sleep(250);
            alerts = ok(CAROL, "query($d: ID!) { alerts(filter: {deploymentId: $d}) { edges { node { id } } } }",
                    Map.of("d", id)).extract().jsonPath().getList("data.alerts.edges").size();
        }
        assertThat(alerts).isEqualTo(1);
        ok(CAROL, "mutation($d: ID!) { stopDeployment(id: $d) { status } }", Map.of("d", id));
    }

    private static ValidatableResponse ok(String user, String query, Map<String, Object> variables) {
        return GraphQL.ok(token(user), query, variables);
    }
}
