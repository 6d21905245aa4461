package org.lfr.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.await;
import static org.lfr.support.Fixtures.bean;
import static org.lfr.support.KeycloakTokensCache.token;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertView;
import org.lfr.recognition.runtime.CameraSupervisor;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Who operates a deployment is who is assigned to it, with real Keycloak tokens over GraphQL and REST: Carol drafts
 * (and so is assigned), Dave is an officer of the same force who is not — he can neither run the deployment nor read
 * anything of it, and his refused frame push leaves nothing behind — until a supervisor assigns him, audited.
 */
@QuarkusTest
class OperatorAssignmentTest {

    static final String CAROL = "carol.officer", DAVE = "dave.officer", ALICE = "alice.supervisor";

    @Test
    void anOfficerActsOnADeploymentOnlyOnceASupervisorAssignsHer() {
        // Carol drafts over GraphQL: she is its operator, and its only one
        String id = GraphQL.ok(token(CAROL), "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id operators } }",
                Map.of("i", GraphQL.deploymentInput("OPS-" + UUID.randomUUID().toString().substring(0, 8),
                        Fixtures.now().minusSeconds(60), Fixtures.now().plusSeconds(4 * 3600))))
                .body("data.createDeployment.operators", contains(CAROL)).extract().path("data.createDeployment.id");
        UUID deployment = UUID.fromString(id);
        var carol = Fixtures.officer(CAROL);
        DeploymentView d = Fixtures.withCamera(carol, Fixtures.deployment(deployment));
        UUID camera = d.cameras().get(0).id();
        Fixtures.sign(carol, camera);
        UUID entry = Fixtures.entry(carol, deployment, false).id();
        await(() -> bean(WatchlistService.class).approve(APPROVER, deployment));
        await(() -> bean(DeploymentDrafting.class).submit(carol, deployment));
        await(() -> bean(DeploymentService.class).authorise(APPROVER, deployment, "Critical threat: assignment test"));

        // Dave is not assigned: he may not start it, nor assign himself
        refused(DAVE, "mutation($d: ID!) { startDeployment(id: $d) { status } }", deployment);
        GraphQL.refused(token(DAVE), "mutation($d: ID!) { assignOperators(deploymentId: $d, usernames: [\"dave.officer\"])"
                + " { operators } }", Map.of("d", id), "forbidden");
        GraphQL.ok(token(CAROL), "mutation($d: ID!) { startDeployment(id: $d) { status } }", Map.of("d", id));
        DeploymentView active = Fixtures.deployment(deployment);
        AlertView alert = Fixtures.alert(active);

        // ...nor run it, record anything of it, or read anything of it
        for (String op : List.of("mutation($d: ID!) { pauseDeployment(id: $d) { status } }",
                "mutation($d: ID!) { stopDeployment(id: $d) { status } }",
                "mutation($d: ID!) { recordLeaflets(deploymentId: $d, count: 10) { count } }",
                "mutation($d: ID!) { publishNotice(deploymentId: $d, input: {channels: [WEB_PAGE], area: \"Centre\","
                        + " text: \"LFR is in use in the centre today.\"}) { id } }",
                "query($d: ID!) { deployment(id: $d) { id } }",
                "query($d: ID!) { watchlist(deploymentId: $d) { size } }",
                "query($d: ID!) { alerts(filter: {deploymentId: $d}) { edges { node { id } } } }",
                "query($d: ID!) { deploymentReadiness(deploymentId: $d) { rule } }")) {
            refused(DAVE, op, deployment);
        }
        GraphQL.refused(token(DAVE), "mutation($c: ID!) { recordSignagePlaced(cameraId: $c, input: {signTextVersion:"
                + " \"v3\"}) { id } }", Map.of("c", camera.toString()), "forbidden");
        GraphQL.refused(token(DAVE), "query($a: ID!) { alert(id: $a) { id } }", Map.of("a", alert.id().toString()),
                "forbidden");
        List<Map<String, Object>> his = GraphQL.ok(token(DAVE), "{ deployments(first: 500) { edges { node { id operators"
                + " } } } }", Map.of()).extract().jsonPath().getList("data.deployments.edges.node");
        assertThat(his).as("an officer's list: only deployments he is assigned to")
                .allSatisfy(n -> assertThat(n.get("operators").toString()).contains(DAVE))
                .noneSatisfy(n -> assertThat(n.get("id")).isEqualTo(id));
        assertThat(rest(DAVE).get("/api/alerts/" + alert.id() + "/crop").statusCode()).isEqualTo(403);
        assertThat(rest(DAVE).get("/api/watchlist-entries/" + entry + "/image").statusCode()).isEqualTo(403);

        // his frame push is refused before anything happens: no worker, no claim on the camera
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        assertThat(rest(DAVE).contentType("image/jpeg").body(photo).post("/api/cameras/" + camera + "/frames")
                .statusCode()).isEqualTo(403);
        assertThat(bean(CameraSupervisor.class).worker(camera)).as("worker after a refused push").isEmpty();
        assertThat(Sql.claimsHeld(camera))
                .as("claim after a refused push").isZero();

        // a supervisor assigns him (while it runs, only a supervisor may), audited with who was added
        GraphQL.ok(token(ALICE), "mutation($d: ID!) { assignOperators(deploymentId: $d, usernames: [\"carol.officer\","
                + " \"dave.officer\"]) { operators } }", Map.of("d", id))
                .body("data.assignOperators.operators", contains(CAROL, DAVE));
        GraphQL.refused(token(CAROL), "mutation($d: ID!) { assignOperators(deploymentId: $d, usernames: [\"carol.officer\"])"
                + " { operators } }", Map.of("d", id), "forbidden");
        assertThat(Sql.strings("select details from audit_event where action = 'OPERATORS_ASSIGNED' and actor = ?"
                + " and subject_id = ?", ALICE, id)).singleElement().satisfies(details -> assertThat(details)
                        .contains("\"added\":[\"dave.officer\"]").contains("\"removed\":[]"));
        assertThat(Sql.count("select count(*) from audit_event where action = 'OPERATORS_ASSIGNED_REFUSED'"
                + " and actor = ? and subject_id = ?", DAVE, id)).isEqualTo(1);

        // now he may: push, read, record, pause
        assertThat(rest(DAVE).contentType("image/jpeg").body(photo).post("/api/cameras/" + camera + "/frames")
                .statusCode()).isEqualTo(202);
        assertThat(rest(DAVE).get("/api/alerts/" + alert.id() + "/crop").statusCode()).isEqualTo(200);
        GraphQL.ok(token(DAVE), "query($d: ID!) { alerts(filter: {deploymentId: $d}) { edges { node { id } } } }",
                Map.of("d", id)).body("data.alerts.edges.node.id", contains(alert.id().toString()));
        GraphQL.ok(token(DAVE), "mutation($d: ID!) { recordLeaflets(deploymentId: $d, count: 10) { count } }", Map.of("d", id));
        GraphQL.ok(token(DAVE), "mutation($d: ID!) { pauseDeployment(id: $d) { status } }", Map.of("d", id))
                .body("data.pauseDeployment.status", equalTo("PAUSED"));
        GraphQL.ok(token(DAVE), "mutation($d: ID!) { stopDeployment(id: $d) { status } }", Map.of("d", id));
    }

    @Test
    void badOperatorListsAreRefusedAndChangeNothing() {
        DeploymentView d = Fixtures.draft(Fixtures.officer(CAROL));
        String id = d.id().toString();
        for (String list : List.of("[]", "[\"bad name\"]", "[\"" + "x".repeat(201) + "\"]")) {
            GraphQL.refused(token(CAROL), "mutation($d: ID!) { assignOperators(deploymentId: $d, usernames: " + list
                    + ") { operators } }", Map.of("d", id), "invalid-input");
        }
        assertThat(Fixtures.deployment(d.id()).operators()).containsExactly(CAROL);
    }

    private static void refused(String user, String operation, UUID deployment) {
        GraphQL.refused(token(user), operation, Map.of("d", deployment.toString()), "forbidden");
    }

    private static RequestSpecification rest(String user) {
        return given().auth().oauth2(token(user));
    }
}
