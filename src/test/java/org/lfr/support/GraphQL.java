package org.lfr.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Posts GraphQL documents to the running test instance, with or without a bearer token. */
public final class GraphQL {

    private GraphQL() {
    }

    public static ValidatableResponse post(String token, String query) {
        return post(token, query, Map.of());
    }

    public static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/graphql").then();
    }

    /** Posts and expects success: HTTP 200 and no {@code errors}. */
    public static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return post(token, query, variables).statusCode(200).body("errors", nullValue());
    }

    /** Posts and expects the first error to carry {@code code} in its extensions. */
    public static ValidatableResponse refused(String token, String query, Map<String, Object> variables, String code) {
        return post(token, query, variables).statusCode(200).body("errors[0].extensions.code", equalTo(code));
    }

    /** A valid {@code DeploymentInput} for the given reference and planned window. */
    public static Map<String, Object> deploymentInput(String reference, Instant start, Instant end) {
        Map<String, Object> m = new HashMap<>();
        m.put("reference", reference);
        m.put("purpose", "Locate people wanted for violent offences during the Saturday market");
        m.put("locationName", "Queen Street, Cardiff");
        m.put("latitude", 51.4816);
        m.put("longitude", -3.1791);
        m.put("areaDescription", "Pedestrian zone between the castle and Queen Street station");
        m.put("locationRationale", "Two subjects on the list were seen here in the last fortnight; market day footfall");
        m.put("plannedStart", start.toString());
        m.put("plannedEnd", end.toString());
        m.put("dpiaReference", "DPIA-2026-031");
        m.put("equalityImpactReference", "EIA-2026-017");
        return m;
    }
}
