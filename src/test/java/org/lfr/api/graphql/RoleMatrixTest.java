package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;
import static org.lfr.support.Fixtures.bean;
import static org.lfr.support.Fixtures.officer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertService;
import org.lfr.alert.AlertView;
import org.lfr.common.Actor;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.transparency.DeploymentRecordService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Every query and mutation × {anonymous, officer, supervisor, dpo}, with {@code @TestSecurity} identities. Each cell
 * gets fresh state built for the caller (their own draft, a deployment they operate…), so an allowed cell must
 * fully succeed and a refused one must fail with {@code unauthorized} (anonymous) or {@code forbidden}.
 * Subscriptions, and a subset of these cells, run with real Keycloak tokens in {@link RealTokenAccessTest}.
 */
@QuarkusTest
class RoleMatrixTest {

    static final String O = "officer", S = "supervisor", D = "dpo", A = "anonymous";

    record Call(String query, Map<String, Object> variables) {
    }

    record Op(String name, Set<String> allowed, Function<String, Call> prepare) {
    }

    static final List<Op> OPERATIONS = List.of(
            op("me", Set.of(O, S, D), u -> call("{ me { username } }")),
            op("deployments", Set.of(O, S, D), u -> call("{ deployments { edges { node { id } } } }")),
            op("deployment", Set.of(O, S, D), u -> call("query($id: ID!) { deployment(id: $id) { id"
                    + " notices { id } signage { id } leaflets { count } } }", "id", draft(u).id())),
            op("watchlist", Set.of(O, S, D), u -> call("query($d: ID!) { watchlist(deploymentId: $d) { size } }",
                    "d", draft(u).id())),
            op("alerts", Set.of(O, S, D), u -> call("query($d: ID!) { alerts(filter: {deploymentId: $d})"
                    + " { edges { node { id } } } }", "d", draft(u).id())),
            op("alert", Set.of(O, S, D), u -> call("query($a: ID!) { alert(id: $a) { id } }", "a",
                    Fixtures.alert(Fixtures.active(officer(u))).id())),
            op("deploymentReadiness", Set.of(O, S, D), u -> call("query($d: ID!) { deploymentReadiness(deploymentId: $d)"
                    + " { rule met description } }", "d", draft(u).id())),
            op("auditTrail", Set.of(D), u -> call("{ auditTrail(last: 5) { edges { node { seq hash } } } }")),
            op("thresholdCalibration", Set.of(O, S, D), u -> call("{ thresholdCalibration { available"
                    + " maxFalseAlertRate thresholds { threshold falseAlertRate } } }")),
            op("auditActions", Set.of(D), u -> call("{ auditActions }")),
            op("verifyAuditChain", Set.of(D), u -> call("{ verifyAuditChain { intact } }")),
            op("retentionStatus", Set.of(D), u -> call("{ retentionStatus { alertsDueForDeletion } }")),
            op("deploymentRecords", Set.of(S, D), u -> call("{ deploymentRecords { reference } }")),
            op("publicNotices", Set.of(A, O, S, D), u -> call("{ publicNotices { edges { node { area } } } }")),
            op("publicDeployments", Set.of(A, O, S, D), u -> call("{ publicDeployments { edges { node { locationName } } } }")),
            op("publishedDeploymentRecords", Set.of(A, O, S, D), u -> call("{ publishedDeploymentRecords { edges { node { reference } } } }")),

            op("createDeployment", Set.of(O), u -> call("mutation($i: DeploymentInput!) { createDeployment(input: $i)"
                    + " { id } }", "i", inputMap(null))),
            op("updateDeployment", Set.of(O), u -> {
                DeploymentView d = draft(u);
                return call("mutation($id: ID!, $i: DeploymentInput!) { updateDeployment(id: $id, input: $i)"
                        + " { id } }", "id", d.id(), "i", inputMap(d.reference()));
            }),
            op("addCamera", Set.of(O), u -> call("mutation($d: ID!) { addCamera(deploymentId: $d, input: {name:"
                    + " \"c\", pushMode: true, positionDescription: \"Shop front\"}) { id } }", "d", draft(u).id())),
            op("removeCamera", Set.of(O), u -> call("mutation($c: ID!) { removeCamera(cameraId: $c) { id } }",
                    "c", camera(u))),
            // an officer submits their own draft; a supervisor, someone else's
            op("submitDeployment", Set.of(O, S), u -> call("mutation($d: ID!) { submitDeployment(id: $d) { status } }",
                    "d", (u.endsWith(S) ? Fixtures.draft(DRAFTER) : draft(u)).id())),
            op("authoriseDeployment", Set.of(S), u -> call("mutation($d: ID!) { authoriseDeployment(id: $d)"
                    + " { status } }", "d", Fixtures.submitted(DRAFTER).id())),
            op("rejectDeployment", Set.of(S), u -> call("mutation($d: ID!) { rejectDeployment(id: $d, reason:"
                    + " \"Location rationale too thin\") { status } }", "d", Fixtures.submitted(DRAFTER).id())),
            op("cancelDeployment", Set.of(O, S), u -> call("mutation($d: ID!) { cancelDeployment(id: $d, reason:"
                    + " \"Intelligence changed\") { status } }", "d", draft(u).id())),
            op("setMatchThreshold", Set.of(S), u -> call("mutation($d: ID!) { setMatchThreshold(id: $d,"
                    + " threshold: 0.9) { matchThreshold } }", "d", draft(u).id())),
            op("startDeployment", Set.of(O), u -> call("mutation($d: ID!) { startDeployment(id: $d) { status } }",
                    "d", Fixtures.authorised(officer(u)).id())),
            // the drafter before it runs; a supervisor always
            op("assignOperators", Set.of(O, S), u -> call("mutation($d: ID!) { assignOperators(deploymentId: $d,"
                    + " usernames: [\"" + u + "\", \"matrix.relief\"]) { operators } }", "d", draft(u).id())),
            op("pauseDeployment", Set.of(O), u -> call("mutation($d: ID!) { pauseDeployment(id: $d) { status } }",
                    "d", Fixtures.active(officer(u)).id())),
            op("resumeDeployment", Set.of(O), u -> {
                DeploymentView d = Fixtures.active(officer(u));
                await(() -> bean(DeploymentService.class).pause(officer(u), d.id()));
                return call("mutation($d: ID!) { resumeDeployment(id: $d) { status } }", "d", d.id());
            }),
            op("stopDeployment", Set.of(O), u -> call("mutation($d: ID!) { stopDeployment(id: $d) { status } }",
                    "d", Fixtures.active(officer(u)).id())),
            // held by the service after a restore from backup: a supervisor decides, with a reason
            op("resumeHeldDeployment", Set.of(S), u -> call("mutation($d: ID!) { resumeHeldDeployment(id: $d, reason:"
                    + " \"Checked after the restore\") { status } }", "d", held())),
            op("stopHeldDeployment", Set.of(S), u -> call("mutation($d: ID!) { stopHeldDeployment(id: $d, reason:"
                    + " \"Stopped before the restore\") { status } }", "d", held())),
            op("suspendDeployment", Set.of(D), u -> call("mutation($d: ID!) { suspendDeployment(id: $d, reason:"
                    + " \"Complaint under review\") { status } }", "d", Fixtures.active(DRAFTER).id())),

            op("proposeWatchlistEntry", Set.of(O), u -> call("mutation($d: ID!, $i: WatchlistEntryInput!) {"
                    + " proposeWatchlistEntry(deploymentId: $d, input: $i) { id } }", "d", draft(u).id(), "i", entryMap())),
            op("removeWatchlistEntry", Set.of(O, S), u -> call("mutation($e: ID!) { removeWatchlistEntry(entryId: $e) }",
                    "e", Fixtures.entry(officer(u), draft(u).id(), false).id())),
            op("overrideWatchlistEntry", Set.of(S), u -> call("mutation($e: ID!) { overrideWatchlistEntry("
                    + "entryId: $e, reason: \"Missing child, parents consent\") { id } }",
                    "e", Fixtures.entry(DRAFTER, draft(DRAFTER.username()).id(), true).id())),
            op("approveWatchlist", Set.of(S), u -> {
                DeploymentView d = draft(DRAFTER.username());
                Fixtures.entry(DRAFTER, d.id(), false);
                return call("mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size } }", "d", d.id());
            }),

            op("publishNotice", Set.of(O, S), u -> call("mutation($d: ID!) { publishNotice(deploymentId: $d, input:"
                    + " {channels: [WEB_PAGE], area: \"Centre\", text: \"LFR will be used in the centre on Saturday.\"})"
                    + " { id } }", "d", draft(u).id())),
            op("recordSignagePlaced", Set.of(O), u -> call("mutation($c: ID!) { recordSignagePlaced(cameraId: $c,"
                    + " input: {signTextVersion: \"v3\"}) { id } }", "c", camera(u))),
            op("recordSignageRemoved", Set.of(O), u -> call("mutation($s: ID!) { recordSignageRemoved("
                    + "signageId: $s) { removedAt } }", "s", Fixtures.sign(officer(u), UUID.fromString(camera(u))).id())),
            op("recordLeaflets", Set.of(O), u -> call("mutation($d: ID!) { recordLeaflets(deploymentId: $d,"
                    + " count: 40) { count } }", "d", draft(u).id())),

            op("adjudicateAlert", Set.of(O), u -> call("mutation($a: ID!) { adjudicateAlert(input: {alertId: $a,"
                    + " adjudication: FALSE_ALERT}) { adjudication } }", "a", Fixtures.alert(Fixtures.active(officer(u))).id())),
            op("placeLegalHold", Set.of(S), u -> call("mutation($a: ID!) { placeLegalHold(alertId: $a, reason:"
                    + " \"Evidence in R v X\") { legalHoldBy } }", "a", Fixtures.alert(Fixtures.active(DRAFTER)).id())),
            op("releaseLegalHold", Set.of(S), u -> {
                AlertView alert = Fixtures.alert(Fixtures.active(DRAFTER));
                await(() -> bean(AlertService.class).placeLegalHold(APPROVER, alert.id(), "Evidence"));
                return call("mutation($a: ID!) { releaseLegalHold(alertId: $a) { id } }", "a", alert.id());
            }),
            op("runRetention", Set.of(D), u -> call("mutation { runRetention { alertsDeleted } }")),
            op("publishDeploymentRecord", Set.of(S), u -> {
                DeploymentView d = Fixtures.active(DRAFTER);
                await(() -> bean(DeploymentService.class).stop(DRAFTER, d.id()));
                await(() -> bean(DeploymentRecordService.class).generateDue());
                return call("mutation($d: ID!) { publishDeploymentRecord(deploymentId: $d) { reference } }",
                        "d", d.id());
            }));

    @Test
    @TestSecurity(user = "matrix.officer", roles = O)
    void asOfficer() {
        runMatrix(O, "matrix.officer");
    }

    @Test
    @TestSecurity(user = "matrix.supervisor", roles = S)
    void asSupervisor() {
        runMatrix(S, "matrix.supervisor");
    }

    @Test
    @TestSecurity(user = "matrix.dpo", roles = D)
    void asDpo() {
        runMatrix(D, "matrix.dpo");
    }

    @Test
    void asAnonymous() {
        runMatrix(A, "nobody");
    }

    /**
     * Operations on one deployment whose state an officer is given in the matrix (their draft, the deployment they
     * operate, its alert, camera or entry): an officer who is not assigned to that deployment is refused each.
     */
    static final Set<String> DEPLOYMENT_SCOPED = Set.of("deployment", "watchlist", "alerts", "alert",
            "deploymentReadiness", "updateDeployment", "addCamera", "removeCamera", "submitDeployment", "cancelDeployment",
            "startDeployment", "assignOperators", "pauseDeployment", "resumeDeployment", "stopDeployment",
            "proposeWatchlistEntry", "removeWatchlistEntry", "publishNotice", "recordSignagePlaced",
            "recordSignageRemoved", "recordLeaflets", "adjudicateAlert");

    /** The assigned/not-assigned axis: every cell's state belongs to another officer's deployment. */
    @Test
    @TestSecurity(user = "matrix.officer", roles = O)
    void asAnOfficerNotAssignedToTheDeployment() {
        runMatrix(O, "matrix.other.officer", DEPLOYMENT_SCOPED);
    }

    /** Subscriptions run over WebSocket with real tokens, every role each: {@link RealTokenAccessTest}. */
    static final List<String> SUBSCRIPTIONS = List.of("alertRaised", "alertDecided", "deploymentStatusChanged");

    @Test
    void everyQueryAndMutationOfTheSchemaIsInTheMatrix() {
        assertThat(OPERATIONS.stream().map(Op::name).toList())
                .containsExactlyInAnyOrderElementsOf(operationsOfSchemaType("Query", "Mutation"));
    }

    @Test
    void everySubscriptionOfTheSchemaIsCoveredOverWebSocket() {
        assertThat(SUBSCRIPTIONS).containsExactlyInAnyOrderElementsOf(operationsOfSchemaType("Subscription"));
    }

    private static List<String> operationsOfSchemaType(String... types) {
        String schema = io.restassured.RestAssured.get("/graphql/schema.graphql").asString();
        List<String> inSchema = new ArrayList<>();
        for (String type : types) {
            String body = schema.substring(schema.indexOf("type " + type + " {"));
            body = body.substring(body.indexOf('{') + 1, body.indexOf("\n}"));
            for (String line : body.split("\n")) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("\"") && !t.startsWith("#")) {
                    inSchema.add(t.split("[(:]")[0].trim());
                }
            }
        }
        return inSchema;
    }

    private void runMatrix(String role, String user) {
        runMatrix(role, user, Set.of());
    }

    /** Each cell's state is prepared for {@code owner}; the {@code refusedHere} cells must be refused whatever the role. */
    private void runMatrix(String role, String owner, Set<String> refusedHere) {
        List<String> wrong = new ArrayList<>();
        for (Op op : OPERATIONS) {
            Call call = op.prepare().apply(owner);
            JsonPath result = GraphQL.post(null, call.query(), call.variables()).statusCode(200).extract().jsonPath();
            List<Object> errors = result.getList("errors");
            boolean allowed = op.allowed().contains(role) && !refusedHere.contains(op.name());
            if (allowed && errors != null) {
                wrong.add(op.name() + ": expected success, got " + errors);
            } else if (!allowed) {
                String expected = A.equals(role) ? "unauthorized" : "forbidden";
                String code = errors == null ? "none" : result.getString("errors[0].extensions.code");
                if (!expected.equals(code)) {
                    wrong.add(op.name() + ": expected " + expected + ", got " + code);
                }
            }
        }
        assertThat(wrong).as("cells of role " + role + " that do not behave as the matrix says").isEmpty();
    }

    // ------------------------------------------------------------------ fixtures per cell

    static Op op(String name, Set<String> allowed, Function<String, Call> prepare) {
        return new Op(name, allowed, prepare);
    }

    static Call call(String query, Object... nameValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            variables.put((String) nameValues[i], String.valueOf(nameValues[i + 1]));
            if (nameValues[i + 1] instanceof Map<?, ?> map) {
                variables.put((String) nameValues[i], map);
            }
        }
        return new Call(query, variables);
    }

    /** An ACTIVE deployment as a restore leaves it: PAUSED and held (what RestoreRecovery does to every one). */
    static UUID held() {
        UUID id = Fixtures.active(DRAFTER).id();
        org.lfr.support.Sql.update("update deployment set status = 'PAUSED', hold_reason = 'restored from backup'"
                + " where id = ?", id);
        return id;
    }

    static DeploymentView draft(String user) {
        return Fixtures.draft(officer(user));
    }

    static String camera(String user) {
        Actor drafter = officer(user);
        return Fixtures.withCamera(drafter, Fixtures.draft(drafter)).cameras().get(0).id().toString();
    }

    static Map<String, Object> inputMap(String reference) {
        Instant now = Fixtures.now();
        return GraphQL.deploymentInput(reference != null ? reference : "M-" + UUID.randomUUID().toString().substring(0, 10),
                now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
    }

    static Map<String, Object> entryMap() {
        return Map.of("subjectReference", "S-" + UUID.randomUUID().toString().substring(0, 8),
                "category", "SUSPECT", "legalBasis", "Suspected robbery, PACE s.24", "imageSource", "Custody",
                "imageDate", "2026-01-10", "justification", "Suspect in three street robberies here",
                "subjectUnder18", false);
    }
}
