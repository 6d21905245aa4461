package org.lfr.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.lfr.support.KeycloakTokensCache.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/**
 * An ACTIVE deployment built only through the API, as the demo users would, against whichever service instance
 * {@code port} serves: Carol drafts it with a push camera bound to the demo device client, enrols a subject from a
 * real photo, Bob approves the list, Alice authorises (critical-threat exemption), Carol starts it.
 */
public final class ApiScenario {

    public static final String CAROL = "carol.officer", ALICE = "alice.supervisor", BOB = "bob.supervisor";

    public record Active(String deploymentId, String cameraId) {
    }

    private ApiScenario() {
    }

    public static Active activeWithPushCamera(int port, String subject, String photo) {
        Instant now = Instant.now();
        Map<String, Object> input = GraphQL.deploymentInput("API-" + UUID.randomUUID().toString().substring(0, 8),
                now.minus(1, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.HOURS));
        String id = ok(port, CAROL, "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }",
                Map.of("i", input)).getString("data.createDeployment.id");
        String camera = ok(port, CAROL, "mutation($d: ID!) { addCamera(deploymentId: $d, input: {name: \"api-cam\","
                + " pushMode: true, deviceClientId: \"lfr-camera\", positionDescription: \"Door\"}) { cameras { id } } }",
                Map.of("d", id)).getString("data.addCamera.cameras[0].id");
        ok(port, CAROL, "mutation($c: ID!) { recordSignagePlaced(cameraId: $c, input: {signTextVersion: \"v1\"})"
                + " { id } }", Map.of("c", camera));
        String entry = ok(port, CAROL, "mutation($d: ID!) { proposeWatchlistEntry(deploymentId: $d, input:"
                + " {subjectReference: \"" + subject + "\", category: WANTED_BY_COURT, legalBasis: \"Test\", imageSource:"
                + " \"Press photo\", imageDate: \"2026-01-01\", justification: \"Enrolled for a test through the API\","
                + " subjectUnder18: false}) { id } }", Map.of("d", id)).getString("data.proposeWatchlistEntry.id");
        given().port(port).auth().oauth2(token(CAROL)).contentType("image/jpeg").body(SharedEval.bytes(photo))
                .put("/api/watchlist-entries/" + entry + "/image").then().statusCode(200)
                .body("hasEmbedding", equalTo(true));
        ok(port, BOB, "mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size } }", Map.of("d", id));
        ok(port, CAROL, "mutation($d: ID!) { submitDeployment(id: $d) { status } }", Map.of("d", id));
        ok(port, ALICE, "mutation($d: ID!) { authoriseDeployment(id: $d, noticeExemptionReason: \"API test\")"
                + " { status } }", Map.of("d", id));
        ok(port, CAROL, "mutation($d: ID!) { startDeployment(id: $d) { status } }", Map.of("d", id));
        return new Active(id, camera);
    }

    /** Pushes a frame as the camera's own device; the HTTP status. */
    public static int push(int port, String deviceToken, String cameraId, byte[] frame) {
        return given().port(port).auth().oauth2(deviceToken).contentType("image/jpeg").body(frame)
                .post("/api/cameras/" + cameraId + "/frames").statusCode();
    }

    public static io.restassured.path.json.JsonPath ok(int port, String user, String query, Map<String, Object> variables) {
        RequestSpecification r = given().port(port).contentType("application/json").accept("application/json")
                .auth().oauth2(token(user)).body(Map.of("query", query, "variables", variables));
        return r.post("/graphql").then().statusCode(200).body("errors", org.hamcrest.Matchers.nullValue()).extract()
                .jsonPath();
    }
}
