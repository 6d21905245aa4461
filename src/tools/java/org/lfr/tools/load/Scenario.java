package org.lfr.tools.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deployment a load runs against, set up through the API as the demo users would (every rule applies): push
 * cameras bound to the demo device client, one enrolled subject, approved, authorised, started; closed at the end.
 */
record Scenario(HttpClient http, URI base, Tokens tokens, String deploymentId, List<String> cameras) {

    static Scenario create(HttpClient http, URI base, Tokens tokens, int cameras) throws Exception {
        Map<String, Object> input = deploymentInput("LOAD", "Load measurement of the service on this machine"
                + " (scripts/load)", "A measurement of throughput and latency on loopback only");
        String carol = "carol.officer";
        String id = ok(http, base, tokens.user(carol), "mutation($i: DeploymentInput!) { createDeployment(input: $i)"
                + " { id } }", Map.of("i", input)).at("/data/createDeployment/id").asText();
        List<String> cameraIds = new ArrayList<>();
        for (int i = 0; i < Math.max(1, cameras); i++) { // a deployment needs a camera to start
            JsonNode d = ok(http, base, tokens.user(carol), "mutation($d: ID!, $n: String!) { addCamera(deploymentId:"
                    + " $d, input: {name: $n, pushMode: true, deviceClientId: \"lfr-camera\", positionDescription:"
                    + " \"Load\"}) { cameras { id name } } }", Map.of("d", id, "n", "load-" + i));
            for (JsonNode c : d.at("/data/addCamera/cameras")) {
                if (c.get("name").asText().equals("load-" + i)) {
                    cameraIds.add(c.get("id").asText());
                    ok(http, base, tokens.user(carol), "mutation($c: ID!) { recordSignagePlaced(cameraId: $c, input:"
                            + " {signTextVersion: \"v1\"}) { id } }", Map.of("c", c.get("id").asText()));
                }
            }
        }
        String entry = ok(http, base, tokens.user(carol), "mutation($d: ID!) { proposeWatchlistEntry(deploymentId:"
                + " $d, input: {subjectReference: \"LOAD-SUBJECT\", category: SUSPECT, legalBasis: \"Load test\","
                + " imageSource: \"Public photograph\", imageDate: \"2026-01-01\", justification: \"Measurement only\","
                + " subjectUnder18: false}) { id } }", Map.of("d", id)).at("/data/proposeWatchlistEntry/id").asText();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(base.resolve("/api/watchlist-entries/" + entry
                + "/image")).header("Authorization", "Bearer " + tokens.user(carol)).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of(
                        "../shared/eval/face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png")))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("enrolment failed: " + put.body());
        }
        ok(http, base, tokens.user("bob.supervisor"), "mutation($d: ID!) { approveWatchlist(deploymentId: $d)"
                + " { size } }", Map.of("d", id));
        ok(http, base, tokens.user(carol), "mutation($d: ID!) { submitDeployment(id: $d) { status } }", Map.of("d", id));
        ok(http, base, tokens.user("alice.supervisor"), "mutation($d: ID!) { authoriseDeployment(id: $d,"
                + " noticeExemptionReason: \"Load measurement\") { status } }", Map.of("d", id));
        ok(http, base, tokens.user(carol), "mutation($d: ID!) { startDeployment(id: $d) { status } }", Map.of("d", id));
        return new Scenario(http, base, tokens, id, cameraIds);
    }

    /** A deployment's input for a measurement: planned from a minute ago for two hours, on no real street. */
    static Map<String, Object> deploymentInput(String prefix, String purpose, String rationale) {
        Instant now = Instant.now();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("reference", prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        input.put("purpose", purpose);
        input.put("locationName", prefix.charAt(0) + prefix.substring(1).toLowerCase() + " test");
        input.put("latitude", 51.5);
        input.put("longitude", -0.1);
        input.put("areaDescription", "Nowhere: a measurement");
        input.put("locationRationale", rationale);
        input.put("plannedStart", now.minus(1, ChronoUnit.MINUTES).toString());
        input.put("plannedEnd", now.plus(2, ChronoUnit.HOURS).toString());
        input.put("dpiaReference", "DPIA-" + prefix);
        input.put("equalityImpactReference", "EIA-" + prefix);
        return input;
    }

    void stop() throws Exception {
        ok(http, base, tokens.user("carol.officer"), "mutation($d: ID!) { stopDeployment(id: $d) { status } }",
                Map.of("d", deploymentId));
    }

    /** A GraphQL call of a measurement's set-up that must succeed: its errors end the measurement. */
    static JsonNode ok(HttpClient http, URI base, String token, String query, Map<String, Object> variables)
            throws Exception {
        JsonNode r = Load.graphql(http, base, token, query, variables);
        if (r.has("errors")) {
            throw new IllegalStateException("a request of the measurement failed: " + r.get("errors"));
        }
        return r;
    }
}
