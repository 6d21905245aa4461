package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Text that would corrupt a log or read differently when published — control characters, bidirectional overrides —
 * is refused with {@code invalid-input} naming the field, and nothing is stored.
 */
@QuarkusTest
@TestSecurity(user = "text.officer", roles = {"officer", "supervisor"})
class UnsafeTextTest {

    static final String CREATE = "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }";

    @Test
    void controlCharactersAndBidiOverridesAreRefusedFieldByField() {
        refused("purpose", "Locate a suspect\u0000 then drop table deployment", "control character (U+0000)");
        refused("locationName", "Queen Street \u001b[2J", "control character (U+001B)");
        refused("areaDescription", "Market \u202Eedoc\u202C square", "bidirectional override (U+202E)");
        refused("locationRationale", "Two sightings here last week \u2066isolated\u2069 text", "bidirectional override (U+2066)");
    }

    @Test
    void lineBreaksAndOrdinaryScriptsAreFine() {
        Map<String, Object> input = new HashMap<>(RoleMatrixTest.inputMap(null));
        input.put("purpose", "Locate people wanted for violent offences.\nSecond line\tand a tab; العربية; עברית");
        GraphQL.ok(null, CREATE, Map.of("i", input));
    }

    @Test
    void aWrittenReasonIsCheckedToo() {
        var d = Fixtures.submitted(Fixtures.DRAFTER);
        GraphQL.post(null, "mutation($d: ID!, $r: String!) { rejectDeployment(id: $d, reason: $r) { status } }",
                Map.of("d", d.id().toString(), "r", "Thin rationale\u202E"))
                .body("errors[0].extensions.code", equalTo("invalid-input"))
                .body("errors[0].extensions.fieldErrors.field", hasItem("reason"));
        assertThat(Fixtures.deployment(d.id()).status().name()).isEqualTo("SUBMITTED");
    }

    private static void refused(String field, String value, String problem) {
        Map<String, Object> input = new HashMap<>(RoleMatrixTest.inputMap(null));
        input.put(field, value);
        long before = Sql.count("select count(*) from deployment");
        GraphQL.post(null, CREATE, Map.of("i", input))
                .body("errors[0].extensions.code", equalTo("invalid-input"))
                .body("errors[0].extensions.fieldErrors[0].field", equalTo(field))
                .body("errors[0].extensions.fieldErrors[0].message", org.hamcrest.Matchers.containsString(problem));
        assertThat(Sql.count("select count(*) from deployment")).isEqualTo(before);
    }
}
