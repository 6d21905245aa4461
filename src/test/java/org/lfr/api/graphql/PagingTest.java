package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lfr.support.Fixtures.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lfr.alert.Adjudication;
import org.lfr.alert.AdjudicationInput;
import org.lfr.alert.AlertRecorder;
import org.lfr.alert.AlertService;
import org.lfr.alert.NewAlert;
import org.lfr.common.Actor;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Relay paging and filters: pages join up to exactly the whole list in its order, either way; filters return the
 * right slice; an officer sees only deployments they operate; bad page arguments are refused with the argument named.
 */
@QuarkusTest
class PagingTest {

    static final Actor PAGER = Fixtures.officer("paging.officer");
    static final String ALERTS = "query($f: AlertFilter, $first: Int, $after: String, $last: Int, $before: String) {"
            + " alerts(filter: $f, first: $first, after: $after, last: $last, before: $before) { edges { cursor"
            + " node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    static DeploymentView active;
    static List<String> alertIds; // in the order recorded
    static Instant base;

    @BeforeAll
    static void sevenAlerts() {
        active = Fixtures.active(PAGER);
        UUID entry = await(() -> Fixtures.bean(WatchlistService.class).get(Fixtures.APPROVER, active.id())).entries()
                .get(0).id();
        base = Fixtures.now().minus(Duration.ofMinutes(30));
        for (int i = 0; i < 7; i++) {
            Instant at = base.plus(Duration.ofMinutes(i));
            await(() -> Fixtures.bean(AlertRecorder.class).raise(new NewAlert(active.id(), active.cameras().get(0).id(),
                    entry, 0.9, at, Fixtures.TINY_JPEG, "image/jpeg")));
        }
        alertIds = Sql.strings("select id::text from alert where deployment_id = ? order by seq", active.id());
        assertThat(alertIds).hasSize(7);
    }

    @Test
    @TestSecurity(user = "paging.officer", roles = "officer")
    void alertPagesJoinUpToTheWholeListForwardsAndBackwards() {
        Map<String, Object> mine = Map.of("deploymentId", active.id().toString());
        List<String> forwards = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            JsonPath page = alerts(vars(mine, "first", 3, "after", after));
            forwards.addAll(page.getList("data.alerts.edges.node.id"));
            pages++;
            assertThat(page.getBoolean("data.alerts.pageInfo.hasPreviousPage")).isEqualTo(after != null);
            if (!page.getBoolean("data.alerts.pageInfo.hasNextPage")) {
                break;
            }
            after = page.getString("data.alerts.pageInfo.endCursor");
        }
        assertThat(forwards).isEqualTo(alertIds);
        assertThat(pages).isEqualTo(3);

        List<String> backwards = new ArrayList<>();
        String before = null;
        while (true) {
            JsonPath page = alerts(vars(mine, "last", 2, "before", before));
            List<String> ids = page.getList("data.alerts.edges.node.id");
            backwards.addAll(0, ids);
            if (!page.getBoolean("data.alerts.pageInfo.hasPreviousPage")) {
                break;
            }
            before = page.getString("data.alerts.pageInfo.startCursor");
        }
        assertThat(backwards).as("newest first pages, each in recorded order").isEqualTo(alertIds);
        assertThat(alerts(vars(mine, "last", 2, "before", null)).getList("data.alerts.edges.node.id"))
                .isEqualTo(alertIds.subList(5, 7));
    }

    @Test
    @TestSecurity(user = "paging.officer", roles = "officer")
    void filtersReturnTheirSlice() {
        String deployment = active.id().toString();
        // time range [from, to): alerts 2, 3, 4
        assertThat(ids(Map.of("deploymentId", deployment, "from", base.plus(Duration.ofMinutes(2)).toString(),
                "to", base.plus(Duration.ofMinutes(5)).toString()))).isEqualTo(alertIds.subList(2, 5));
        // camera: all on its camera, none on another
        assertThat(ids(Map.of("deploymentId", deployment, "cameraId", active.cameras().get(0).id().toString())))
                .isEqualTo(alertIds);
        assertThat(ids(Map.of("deploymentId", deployment, "cameraId", UUID.randomUUID().toString()))).isEmpty();
        // adjudication: one rejected as a false alert
        String rejected = alertIds.get(6);
        await(() -> Fixtures.bean(AlertService.class).adjudicate(PAGER, new AdjudicationInput(UUID.fromString(rejected),
                Adjudication.FALSE_ALERT, null, null)));
        assertThat(ids(Map.of("deploymentId", deployment, "adjudication", "FALSE_ALERT"))).containsExactly(rejected);
        assertThat(ids(Map.of("deploymentId", deployment, "pending", false))).containsExactly(rejected);
        assertThat(ids(Map.of("deploymentId", deployment, "pending", true))).isEqualTo(alertIds.subList(0, 6));
        // the count of all that match, whatever the page: how many wait for a decision
        String counted = "query($f: AlertFilter) { alerts(filter: $f, last: 2) { totalCount edges { node { id } } } }";
        GraphQL.ok(null, counted, Map.of("f", Map.of("deploymentId", deployment, "pending", true)))
                .body("data.alerts.totalCount", equalTo(6)).body("data.alerts.edges.size()", equalTo(2));
        GraphQL.ok(null, counted, Map.of("f", Map.of("deploymentId", deployment, "pending", false)))
                .body("data.alerts.totalCount", equalTo(1));
        GraphQL.ok(null, counted, Map.of("f", Map.of("deploymentId", deployment, "cameraId",
                UUID.randomUUID().toString()))).body("data.alerts.totalCount", equalTo(0));
        // without a deployment: an officer's own deployments only
        assertThat(ids(Map.of("from", base.toString(), "to", base.plus(Duration.ofMinutes(7)).toString())))
                .isEqualTo(alertIds);
        GraphQL.ok(null, "query($id: ID!) { alert(id: $id) { id adjudication } }", Map.of("id", rejected))
                .body("data.alert.adjudication", equalTo("FALSE_ALERT"));
    }

    @Test
    @TestSecurity(user = "paging.other", roles = "officer")
    void anOfficerSeesNoAlertsOfDeploymentsTheyDoNotOperate() {
        // paging.other operates a deployment of their own, with an alert: the filter must keep that and only that
        String own = Fixtures.alert(Fixtures.active(Fixtures.officer("paging.other"))).id().toString();
        GraphQL.refused(null, ALERTS, Map.of("f", Map.of("deploymentId", active.id().toString())), "forbidden");
        GraphQL.refused(null, "query($id: ID!) { alert(id: $id) { id } }", Map.of("id", alertIds.get(0)), "forbidden");
        assertThat(ids(Map.of())).as("no filter: only their own deployments' alerts").contains(own)
                .doesNotContainAnyElementsOf(alertIds);
    }

    @Test
    void publicListsPageLikeTheStaffLists() {
        List<String> planned = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            planned.add(Fixtures.authorised(Fixtures.DRAFTER).id().toString());
        }
        String query = "query($first: Int, $after: String) { publicDeployments(first: $first, after: $after) {"
                + " edges { node { id } } pageInfo { hasNextPage endCursor } } }";
        List<String> seen = new ArrayList<>();
        everyPage(query, Map.of(), "publicDeployments", page -> {
            assertThat(page.getList("data.publicDeployments.edges")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("data.publicDeployments.edges.node.id"));
        });
        assertThat(seen).doesNotHaveDuplicates().containsAll(planned)
                .hasSize((int) Sql.count("select count(*) from deployment where status in ('AUTHORISED', 'ACTIVE',"
                        + " 'PAUSED', 'SUSPENDED')"));
        GraphQL.refused(null, "{ publicNotices(first: 501) { edges { node { id } } } }", Map.of(), "invalid-input");
    }

    @Test
    @TestSecurity(user = "paging.supervisor", roles = "supervisor")
    void aSupervisorSeesAllAndBadPageArgumentsAreRefusedNamingThem() {
        assertThat(ids(Map.of("deploymentId", active.id().toString()))).isEqualTo(alertIds);
        assertThat(invalid(vars(Map.of(), "first", 0, "after", null))).isEqualTo("first");
        assertThat(invalid(vars(Map.of(), "first", 501, "after", null))).isEqualTo("first");
        Map<String, Object> both = vars(Map.of(), "first", 2, "after", null);
        both.put("last", 2);
        assertThat(invalid(both)).isEqualTo("last");
        assertThat(invalid(vars(Map.of(), "first", 2, "after", "not-a-cursor!"))).isEqualTo("after");
        assertThat(invalid(vars(Map.of("from", base.toString(), "to", base.toString()), "first", 2, "after", null)))
                .isEqualTo("filter.to");
    }

    @Test
    @TestSecurity(user = "paging.officer", roles = "officer")
    void deploymentsPageNewestFirstAndFilterByOperator() {
        Instant start = Fixtures.now().plus(Duration.ofDays(400)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // same planned start for two of them: ties are ordered by id
            Instant s = start.plus(Duration.ofHours(i == 4 ? 3 : i));
            mine.add(0, await(() -> Fixtures.bean(DeploymentDrafting.class).create(PAGER, Fixtures.input(s,
                    s.plus(Duration.ofHours(2))))).id().toString());
        }
        String query = "query($f: DeploymentFilter, $first: Int, $after: String) { deployments(filter: $f, first: $first,"
                + " after: $after) { edges { node { id plannedStart } } pageInfo { hasNextPage endCursor } } }";
        Map<String, Object> filter = Map.of("status", "DRAFT", "operatedByMe", true, "from", start.toString(),
                "to", start.plus(Duration.ofDays(1)).toString());
        List<String> seen = new ArrayList<>();
        everyPage(query, filter, "deployments", page -> seen.addAll(page.getList("data.deployments.edges.node.id")));
        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(Sql.strings("select id::text from deployment where id::text = any(?) order by planned_start desc,"
                + " id desc", (Object) seen.toArray(String[]::new))).as("newest planned start first").isEqualTo(seen);
        Map<String, Object> notMine = new HashMap<>(filter);
        notMine.put("operatedByMe", false);
        assertThat(GraphQL.ok(null, query, Map.of("f", notMine, "first", 50)).extract().jsonPath()
                .getList("data.deployments.edges.node.id")).doesNotContainAnyElementsOf(mine);
    }

    @Test
    @TestSecurity(user = "paging.dpo", roles = "dpo")
    void theAuditTrailFiltersByActorAndActionAndPagesInChainOrder() {
        String query = "query($f: AuditFilter, $first: Int, $after: String) { auditTrail(filter: $f, first: $first,"
                + " after: $after) { edges { node { seq actor action subjectId } } pageInfo { hasNextPage endCursor } } }";
        Map<String, Object> filter = Map.of("actor", "paging.officer", "action", "DEPLOYMENT_CREATED");
        List<Integer> seqs = new ArrayList<>();
        everyPage(query, filter, "auditTrail", page -> {
            assertThat(page.getList("data.auditTrail.edges.node.actor")).containsOnly("paging.officer");
            assertThat(page.getList("data.auditTrail.edges.node.action")).containsOnly("DEPLOYMENT_CREATED");
            seqs.addAll(page.getList("data.auditTrail.edges.node.seq"));
        });
        assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize((int) Sql.count("select count(*) from audit_event"
                + " where actor = 'paging.officer' and action = 'DEPLOYMENT_CREATED'"));
    }

    /** Walks a connection two at a time with {@code after} until it says there is no next page. */
    private static void everyPage(String query, Map<String, Object> filter, String field,
            java.util.function.Consumer<JsonPath> each) {
        String after = null;
        do {
            Map<String, Object> v = new HashMap<>();
            v.put("f", filter);
            v.put("first", 2);
            v.put("after", after);
            JsonPath page = GraphQL.ok(null, query, v).extract().jsonPath();
            each.accept(page);
            after = page.getBoolean("data." + field + ".pageInfo.hasNextPage")
                    ? page.getString("data." + field + ".pageInfo.endCursor") : null;
        } while (after != null);
    }

    private static List<String> ids(Map<String, Object> filter) {
        return alerts(vars(filter, "first", 500, "after", null)).getList("data.alerts.edges.node.id");
    }

    private static JsonPath alerts(Map<String, Object> variables) {
        return GraphQL.ok(null, ALERTS, variables).extract().jsonPath();
    }

    private static String invalid(Map<String, Object> variables) {
        return GraphQL.refused(null, ALERTS, variables, "invalid-input").extract().path("errors[0].extensions.fieldErrors[0].field");
    }

    private static Map<String, Object> vars(Map<String, Object> filter, String sizeName, Integer size, String cursorName,
            String cursor) {
        Map<String, Object> v = new HashMap<>();
        v.put("f", filter);
        v.put(sizeName, size);
        v.put(cursorName, cursor);
        return v;
    }
}
