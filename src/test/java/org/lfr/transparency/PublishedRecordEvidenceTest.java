package org.lfr.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lfr.support.Fixtures.await;
import static org.lfr.support.KeycloakTokensCache.token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.deployment.FaceCount;
import org.lfr.support.Fixtures;
import org.lfr.support.Sql;
import org.lfr.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The record after a deployment, in the review's terms (issue #22): a deployment authorised under a critical-threat
 * exemption from the notice lead time says so (the fact and the date, not the reason); one undecided alert of three
 * makes the false-alert rate a range, not a number; who authorised and published it is a role. The published record,
 * the public GraphQL and the open-data files (JSON and CSV) name nobody — every user of the demo realm, by username,
 * name and e-mail, and the fixtures' users, are searched for — and the preview a supervisor saw before publishing is
 * the record the public then reads.
 */
@QuarkusTest
class PublishedRecordEvidenceTest {

    static final String CAROL = "carol.officer", ALICE = "alice.supervisor";
    static final String FIELDS = String.join(" ", OpenData.columns()).replace("watchlistByCategory",
            "watchlistByCategory { category count }");

    @Test
    void aRecordUnderANoticeExemptionSaysSoGivesARangeAndNamesNobody() throws Exception {
        DeploymentView d = Fixtures.active(Fixtures.officer(CAROL));
        String id = d.id().toString();
        await(() -> Fixtures.bean(FaceCount.class).add(d.id(), 5000));
        decide(Fixtures.alert(d).id().toString(), "FALSE_ALERT");
        decide(Fixtures.alert(d).id().toString(), "CONFIRMED_MATCH");
        Fixtures.alert(d); // never decided
        await(() -> Fixtures.bean(DeploymentService.class).stop(Fixtures.officer(CAROL), d.id()));
        await(() -> Fixtures.bean(DeploymentRecordService.class).generateDue());

        JsonNode preview = node(GraphQL.ok(token(ALICE), "query($d: ID!) { deploymentRecordPreview(deploymentId: $d) { "
                + FIELDS + " } }", Map.of("d", id)).extract().asString(), "/data/deploymentRecordPreview");
        GraphQL.ok(token(ALICE), "mutation($d: ID!) { publishDeploymentRecord(deploymentId: $d) { reference } }",
                Map.of("d", id));

        String publicGraphQL = GraphQL.ok(null, "{ publishedDeploymentRecords(first: 500) { edges { node { " + FIELDS
                + " } } } }", Map.of()).extract().asString();
        JsonNode record = null;
        for (JsonNode e : new ObjectMapper().readTree(publicGraphQL).at("/data/publishedDeploymentRecords/edges")) {
            if (e.at("/node/deploymentId").asText().equals(id)) {
                record = e.path("node");
            }
        }
        assertThat(record).as("the published record in the public list").isNotNull();
        assertThat(record.path("advanceNotice").asText()).isEqualTo("WAIVED");
        assertThat(record.path("noticeWaivedAt").isNull()).as("the date of the exemption").isFalse();
        assertThat(record.path("alerts").asLong()).isEqualTo(3);
        assertThat(record.path("notAdjudicated").asLong()).isEqualTo(1);
        assertThat(record.path("falseAlertRate").isNull()).as("never a confident single rate with alerts undecided")
                .isTrue();
        assertThat(record.path("falseAlertRateLow").asDouble()).isCloseTo(1 / 5000.0, within(1e-12));
        assertThat(record.path("falseAlertRateHigh").asDouble()).isCloseTo(2 / 5000.0, within(1e-12));
        assertThat(record.path("falseAlertStatement").asText()).startsWith("Between 1 and 2 false alerts in 5,000 faces,"
                + " because 1 of 3 alerts were never decided");
        assertThat(record.path("confirmedShare").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(record.path("expectedRateGroup").asText()).isEqualTo("F");
        assertThat(record.path("authorisedByRole").asText()).isEqualTo("Supervisor");
        assertThat(record.path("publishedByRole").asText()).isEqualTo("Supervisor");

        Map<String, Object> previewed = new ObjectMapper().convertValue(preview, HashMap.class);
        Map<String, Object> published = new ObjectMapper().convertValue(record, HashMap.class);
        previewed.remove("publishedAt");
        published.remove("publishedAt");
        assertThat(published).as("the preview is what was published").isEqualTo(previewed);

        String json = given().get("/open-data/deployment-records.json").then().statusCode(200).extract().asString();
        String csv = given().get("/open-data/deployment-records.csv").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", OpenData.columns()));
        String row = csv.lines().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
        assertThat(row).contains(",WAIVED,").contains(",Supervisor,");
        JsonNode inJson = null;
        for (JsonNode r : new ObjectMapper().readTree(json)) {
            if (r.path("deploymentId").asText().equals(id)) {
                inJson = r;
            }
        }
        assertThat(inJson).isNotNull();
        List<String> jsonFields = new ArrayList<>();
        inJson.fieldNames().forEachRemaining(jsonFields::add);
        assertThat(jsonFields).as("the open data has the public fields and no other")
                .containsExactlyInAnyOrderElementsOf(OpenData.columns());

        List<String> people = people();
        for (String body : List.of(publicGraphQL, json, csv, preview.toString())) {
            for (String person : people) {
                assertThat(body).as("no one named").doesNotContain(person);
            }
            // the fact and date of the exemption, never its reason (Fixtures.authorised records it)
            assertThat(body).doesNotContain("armed suspect");
        }
        assertThat(Sql.count("select count(*) from deployment where id = ? and notice_exemption_reason like"
                + " '%armed suspect%'", d.id())).as("the reason the test looks for is the one recorded").isOne();
    }

    private static void decide(String alert, String decision) {
        GraphQL.ok(token(CAROL), "mutation($a: ID!, $d: Adjudication!) { adjudicateAlert(input: {alertId: $a,"
                + " adjudication: $d}) { adjudication } }", Map.of("a", alert, "d", decision));
    }

    private static JsonNode node(String body, String pointer) throws Exception {
        return new ObjectMapper().readTree(body).at(pointer);
    }

    /** Every user of the demo realm (username, first and last name, e-mail) and the fixtures' users. */
    private static List<String> people() throws Exception {
        List<String> people = new ArrayList<>(List.of(Fixtures.DRAFTER.username(), Fixtures.APPROVER.username()));
        for (JsonNode u : new ObjectMapper().readTree(Path.of("src/main/keycloak/lfr-realm.json").toFile())
                .path("users")) {
            for (String f : List.of("username", "firstName", "lastName", "email")) {
                if (u.hasNonNull(f)) {
                    people.add(u.path(f).asText());
                }
            }
        }
        assertThat(people).contains("alice.supervisor", "carol.officer", "Ahmed");
        return people;
    }
}
