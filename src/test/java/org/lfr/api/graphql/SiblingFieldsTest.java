package org.lfr.api.graphql;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Several root fields that read the database in one request — the first thing a dashboard does — each get their
 * data: one test per combination the dashboard uses (each field resolves in a session of its own).
 */
@QuarkusTest
class SiblingFieldsTest {

    @Test
    @TestSecurity(user = "sibling.officer", roles = "officer")
    void theOfficersConsole() {
        DeploymentView d = Fixtures.active(Fixtures.officer("sibling.officer"));
        Fixtures.alert(d);
        GraphQL.ok(null, "query($d: ID!) { me { username } deployment(id: $d) { reference notices { id }"
                + " signage { id } leaflets { count } } watchlist(deploymentId: $d) { size entries { subjectReference } }"
                + " alerts(filter: {deploymentId: $d}) { edges { node { id subjectReference } } }"
                + " deployments(filter: {status: ACTIVE}) { edges { node { id } } } }",
                Map.of("d", d.id().toString()))
                .body("data.me.username", equalTo("sibling.officer"))
                .body("data.deployment.reference", equalTo(d.reference()))
                .body("data.deployment.signage", hasSize(1))
                .body("data.watchlist.size", equalTo(1))
                .body("data.alerts.edges", hasSize(1))
                .body("data.deployments.edges.size()", greaterThanOrEqualTo(1));
    }

    @Test
    @TestSecurity(user = "sibling.dpo", roles = "dpo")
    void theDposOversight() {
        Fixtures.draft(Fixtures.DRAFTER);
        GraphQL.ok(null, "{ auditTrail(last: 5) { edges { node { seq } } } verifyAuditChain { intact } retentionStatus"
                + " { alertsRetained } deploymentRecords { reference } deployments { edges { node { id } } } }", Map.of())
                .body("data.auditTrail.edges", hasSize(5))
                .body("data.verifyAuditChain.intact", equalTo(true))
                .body("data.retentionStatus.alertsRetained", notNullValue())
                .body("data.deploymentRecords", notNullValue());
    }

    @Test
    @TestSecurity(user = "sibling.supervisor", roles = "supervisor")
    void theSupervisorsReview() {
        DeploymentView d = Fixtures.submitted(Fixtures.DRAFTER);
        GraphQL.ok(null, "query($d: ID!) { submitted: deployments(filter: {status: SUBMITTED}) { edges { node { id } } }"
                + " all: deployments { edges { node { id } } } one: deployment(id: $d) { status cameras { name } }"
                + " list: watchlist(deploymentId: $d) { approvedAt entries { justification } } }",
                Map.of("d", d.id().toString()))
                .body("errors", nullValue())
                .body("data.one.status", equalTo("SUBMITTED"))
                .body("data.list.entries", hasSize(1));
    }

    @Test
    void thePublicPage() {
        Fixtures.authorised(Fixtures.DRAFTER);
        GraphQL.ok(null, "{ publicNotices { edges { node { area } } } publicDeployments { edges { node { locationName"
                + " status } } } publishedDeploymentRecords { edges { node { reference } } } }", Map.of())
                .body("data.publicDeployments.edges.size()", greaterThanOrEqualTo(1));
    }
}
