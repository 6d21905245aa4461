package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Bad input gets a clear error and changes nothing. */
@QuarkusTest
@TestSecurity(user = "bad.input", roles = {"officer", "supervisor"})
class BadInputTest {

    static final String CREATE = "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }";

    @Test
    void oversizedStrings() {
        rejectedCreate(i -> i.put("purpose", "x".repeat(2001)), "purpose");
        rejectedCreate(i -> i.put("reference", "R".repeat(65)), "reference");
    }

    @Test
    void reversedAndOverlongTimeWindows() {
        Instant now = Fixtures.now();
        rejectedCreate(i -> {
            i.put("plannedStart", now.plus(Duration.ofHours(5)).toString());
            i.put("plannedEnd", now.plus(Duration.ofHours(3)).toString());
        }, "plannedEnd: must be after plannedStart");
        rejectedCreate(i -> i.put("plannedEnd", now.plus(Duration.ofHours(8)).toString()), "at most 6 h");
        rejectedCreate(i -> {
            i.put("plannedStart", now.minus(Duration.ofHours(5)).toString());
            i.put("plannedEnd", now.minus(Duration.ofHours(3)).toString());
        }, "must be in the future");
    }

    @Test
    void negativeAndOutOfRangeThresholdsAndCoordinates() {
        rejectedCreate(i -> i.put("matchThreshold", -0.5), "matchThreshold");
        rejectedCreate(i -> i.put("matchThreshold", 0.1), "floor");
        rejectedCreate(i -> i.put("latitude", 123.0), "latitude");
        var draft = Fixtures.draft(Fixtures.officer("bad.input"));
        GraphQL.post(null, "mutation($d: ID!) { setMatchThreshold(id: $d, threshold: -1) { id } }",
                Map.of("d", draft.id().toString())).body("errors[0].extensions.code", equalTo("invalid-input"));
        assertThat(Fixtures.deployment(draft.id()).matchThreshold()).isEqualTo(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("lfr.governance.default-match-threshold", Double.class));
    }

    /** A complete, valid entry but for its category: refused by name, and nothing is proposed. */
    @Test
    void unknownEnumValues() {
        var draft = Fixtures.draft(Fixtures.officer("bad.input"));
        Map<String, Object> entry = new HashMap<>(RoleMatrixTest.entryMap());
        GraphQL.post(null, "mutation($d: ID!, $i: WatchlistEntryInput!) { proposeWatchlistEntry(deploymentId: $d,"
                + " input: $i) { id } }", Map.of("d", draft.id().toString(), "i", entry)).body("errors", nullValue());
        long entries = Sql.count("select count(*) from watchlist_entry where deployment_id = ?", draft.id());
        entry.put("subjectReference", "S-ENUM-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        entry.put("category", "NOPE");
        unchanged(() -> GraphQL.post(null, "mutation($d: ID!, $i: WatchlistEntryInput!) { proposeWatchlistEntry("
                + "deploymentId: $d, input: $i) { id } }", Map.of("d", draft.id().toString(), "i", entry))
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("errors[0].message", containsString("NOPE"))
                .body("data", nullValue()));
        assertThat(Sql.count("select count(*) from watchlist_entry where deployment_id = ?", draft.id())).isEqualTo(entries);
        GraphQL.post(null, "{ deployments(filter: {status: LAUNCHED}) { edges { node { id } } } }")
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("errors[0].message", containsString("LAUNCHED"));
    }

    @Test
    void malformedGraphQL() {
        unchanged(() -> GraphQL.post(null, "mutation { createDeployment(input: { reference: ")
                .body("errors[0].message", containsString("Unparseable")));
        unchanged(() -> io.restassured.RestAssured.given().contentType(ContentType.JSON).body("{not json")
                .post("/graphql").then().body("errors[0].message", notNullValue()).body("data", nullValue()));
    }

    /**
     * Introspection is off outside development (it maps the whole API for an attacker, and was the only way to nest a
     * query deeper than the depth limit); the dashboard asks {@code auditActions} instead of {@code __type}.
     */
    @Test
    void introspectionIsRefusedAndSoIsAQueryNestedFiftyLevelsDeep() {
        StringBuilder q = new StringBuilder("{ __schema { types { fields { type ");
        for (int i = 0; i < 50; i++) {
            q.append("{ ofType ");
        }
        q.append("{ name }");
        q.append(" }".repeat(50)).append(" } } } }");
        GraphQL.post(null, q.toString()).body("data", nullValue()).body("errors[0].message", containsString("__schema"));
        GraphQL.post(null, "{ __type(name: \"AuditAction\") { enumValues { name } } }").body("data", nullValue())
                .body("errors[0].message", containsString("__type"));
        GraphQL.post(null, "{ __typename }").body("data.__typename", equalTo("Query"));
    }

    private void rejectedCreate(Consumer<Map<String, Object>> change, String messagePart) {
        Map<String, Object> input = new HashMap<>(RoleMatrixTest.inputMap(null));
        change.accept(input);
        unchanged(() -> GraphQL.post(null, CREATE, Map.of("i", input))
                .body("errors[0].extensions.code", equalTo("invalid-input"))
                .body("errors[0].message", containsString(messagePart)));
    }

    private static void unchanged(Runnable call) {
        long deployments = Sql.count("select count(*) from deployment");
        long events = Sql.count("select count(*) from audit_event where action not like 'ACCESS_REFUSED%'");
        call.run();
        assertThat(Sql.count("select count(*) from deployment")).isEqualTo(deployments);
        assertThat(Sql.count("select count(*) from audit_event where action not like 'ACCESS_REFUSED%'")).isEqualTo(events);
    }
}
