package org.lfr.api.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The status codes and media types of GraphQL over HTTP, request by request (the full audit runs against the
 * packaged service in GraphQLOverHttpAuditIT).
 */
@QuarkusTest
class GraphQLOverHttpTest {

    static final String TYPENAME = "{\"query\":\"{ __typename }\"}";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Test
    void onlyJsonIsTakenAndAnythingAcceptedGetsJson() {
        given().contentType("text/plain").body(TYPENAME).post("/graphql").then().statusCode(415);
        given().contentType("application/x-www-form-urlencoded").formParam("query", "{ __typename }").post("/graphql")
                .then().statusCode(415);
        given().contentType("application/json").accept("*/*").body(TYPENAME).post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/json")).body("data.__typename", equalTo("Query"));
        given().contentType("application/json").body(TYPENAME).header("Accept", "").post("/graphql").then()
                .statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void anotherOriginIsNotAllowedUnlessConfigured() {
        String allowed = given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method",
                "POST").options("/graphql").then().extract().header("Access-Control-Allow-Origin");
        org.assertj.core.api.Assertions.assertThat(allowed).as("CORS is off by default").isNull();
    }

    @Test
    void aBodyThatIsNotARequestIs400() {
        given().contentType("application/json").body("{\"query\": ").post("/graphql").then().statusCode(400)
                .body("errors[0].message", equalTo("the body is not JSON"));
        given().contentType("application/json").body("{\"query\": 42}").post("/graphql").then().statusCode(400)
                .body("errors[0].message", equalTo("query must be a string"));
        given().contentType("application/json").body("{\"query\": \"{ __typename }\", \"variables\": \"x\"}")
                .post("/graphql").then().statusCode(400);
    }

    @Test
    void withGraphQLResponseJsonABadDocumentOrVariableIs400ButWithJsonIt200() {
        String unknownField = "{\"query\":\"{ noSuchField }\"}";
        given().contentType("application/json").accept(GRAPHQL_RESPONSE).body(unknownField).post("/graphql").then()
                .statusCode(400).contentType(startsWith(GRAPHQL_RESPONSE));
        given().contentType("application/json").accept("application/json").body(unknownField).post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.classification", equalTo("ValidationError"));
        given().contentType("application/json").accept(GRAPHQL_RESPONSE).body("{\"query\":\"{\"}").post("/graphql")
                .then().statusCode(400);
        given().contentType("application/json").accept(GRAPHQL_RESPONSE)
                .body("{\"query\":\"query($f: Int) { alerts(first: $f) { pageInfo { hasNextPage } } }\","
                        + " \"variables\": {\"f\": \"many\"}}")
                .post("/graphql").then().statusCode(400);
        // a valid document is executed as usual: the refusal is GraphQL's, with 200 and the data null
        given().contentType("application/json").accept(GRAPHQL_RESPONSE)
                .body("{\"query\":\"{ alerts { pageInfo { hasNextPage } } }\"}").post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void aGraphQLBodyOverItsOwnLimitIsRefusedLongBeforeTheUploadLimit() {
        // 300 KiB: far under the 12 MiB that photo uploads need, over the 256 KiB a GraphQL document may take
        String padding = "#" + "x".repeat(300 * 1024) + "\n";
        io.restassured.RestAssured.given().contentType("application/json")
                .body("{\"query\": \"" + padding.replace("\n", "\\n") + "{ __typename }\"}").post("/graphql").then()
                .statusCode(413);
        io.restassured.RestAssured.given().contentType("application/json").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql").then().statusCode(200);
    }
}
