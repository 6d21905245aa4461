package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The start gate as a checklist (what the supervisor's screen shows) says what the gate itself enforces: a bare draft
 * lists its unmet rules by code, an active deployment has every rule met, and each camera reports its state.
 */
@QuarkusTest
class DeploymentReadinessTest {

    static final Actor OFFICER = Fixtures.officer("readiness.officer");
    static final String CHECKLIST = "query($d: ID!) { deploymentReadiness(deploymentId: $d) { rule met requirement"
            + " description } }";
    static final Actor PLANNER = Fixtures.officer("readiness.planner");
    static final Actor SUPERVISOR = Fixtures.supervisor("readiness.approver");

    @Test
    @TestSecurity(user = "readiness.supervisor", roles = "supervisor")
    void aDraftListsEachUnmetRuleWithItsCodeAndSentence() {
        DeploymentView draft = Fixtures.draft(OFFICER);
        List<Map<String, Object>> checks = GraphQL.ok(null, CHECKLIST, Map.of("d", draft.id().toString())).extract()
                .jsonPath().getList("data.deploymentReadiness");
        assertThat(checks).extracting(c -> c.get("rule") + "=" + c.get("met")).contains("NOT_AUTHORISED=false",
                "FOUR_EYES=false", "NO_CAMERAS=false", "WATCHLIST_EMPTY=false", "WATCHLIST_NOT_FROZEN=false",
                "COMMUNITY_NOTICE_LEAD_TIME=false",
                "DPIA_MISSING=true", "FALSE_ALERT_RATE_TOO_HIGH=true", "THRESHOLD_NOT_CALIBRATED=true");
        assertThat(checks).allSatisfy(c -> assertThat((String) c.get("description")).isNotBlank());
        assertThat(checks).filteredOn(c -> c.get("rule").equals("FOUR_EYES")).extracting(c -> c.get("requirement"))
                .containsExactly("Authorised by a supervisor who did not draft it");
        assertThat(checks).filteredOn(c -> c.get("rule").equals("COMMUNITY_NOTICE_LEAD_TIME"))
                .extracting(c -> c.get("requirement"))
                .containsExactly("A community notice published at least 24 h before the start, or an exemption recorded");
        // the refusal names the same unmet rules as the checklist
        List<String> unmet = checks.stream().filter(c -> !(Boolean) c.get("met")).map(c -> (String) c.get("rule")).toList();
        List<String> refused = GraphQL.post(null, "mutation($d: ID!) { startDeployment(id: $d) { id } }",
                Map.of("d", draft.id().toString())).extract().jsonPath().getList("errors[0].extensions.unmetRules");
        assertThat(refused == null ? List.of() : refused).isSubsetOf(unmet);
    }

    /**
     * Through a deployment's life, from a draft without cameras to authorised: in each state the checklist's unmet
     * rules are exactly those the start refuses with, and it is all met exactly when the start succeeds. The
     * watchlist's approval and overrides count before authorisation, so a draft never shows "met" beside an
     * unapproved list.
     */
    @Test
    @TestSecurity(user = "readiness.planner", roles = "officer")
    void theChecklistAgreesWithTheStartInEveryState() {
        DeploymentView d = Fixtures.draft(PLANNER);
        assertAgrees(d, "a draft without cameras", "NOT_AUTHORISED", "FOUR_EYES", "COMMUNITY_NOTICE_LEAD_TIME",
                "NO_CAMERAS", "WATCHLIST_NOT_APPROVED", "WATCHLIST_NOT_FROZEN", "WATCHLIST_EMPTY");
        UUID camera = Fixtures.withCamera(PLANNER, d).cameras().get(0).id();
        assertAgrees(d, "a camera without a sign", "NOT_AUTHORISED", "FOUR_EYES", "COMMUNITY_NOTICE_LEAD_TIME",
                "SIGNAGE_NOT_PLACED", "WATCHLIST_NOT_APPROVED", "WATCHLIST_NOT_FROZEN", "WATCHLIST_EMPTY");
        Fixtures.sign(PLANNER, camera);
        UUID child = Fixtures.entry(PLANNER, d.id(), true).id();
        assertAgrees(d, "an under-18 entry without an override", "NOT_AUTHORISED", "FOUR_EYES",
                "COMMUNITY_NOTICE_LEAD_TIME", "WATCHLIST_NOT_APPROVED", "WATCHLIST_NOT_FROZEN",
                "ENTRY_OVERRIDE_MISSING");
        Fixtures.await(() -> Fixtures.bean(WatchlistService.class).override(SUPERVISOR, child,
                "Missing child at risk; parents' consent on file"));
        assertAgrees(d, "overridden, not approved", "NOT_AUTHORISED", "FOUR_EYES", "COMMUNITY_NOTICE_LEAD_TIME",
                "WATCHLIST_NOT_APPROVED", "WATCHLIST_NOT_FROZEN");
        Fixtures.await(() -> Fixtures.bean(WatchlistService.class).approve(SUPERVISOR, d.id()));
        Fixtures.publishNotice(d.id());
        assertAgrees(d, "approved, a notice published just now", "NOT_AUTHORISED", "FOUR_EYES",
                "COMMUNITY_NOTICE_LEAD_TIME", "WATCHLIST_NOT_FROZEN");
        Fixtures.await(() -> Fixtures.bean(DeploymentDrafting.class).submit(PLANNER, d.id()));
        assertAgrees(d, "submitted", "NOT_AUTHORISED", "FOUR_EYES", "COMMUNITY_NOTICE_LEAD_TIME",
                "WATCHLIST_NOT_FROZEN");
        Fixtures.await(() -> Fixtures.bean(DeploymentService.class).authorise(SUPERVISOR, d.id(),
                "Critical threat: armed suspect believed to be in the area today"));
        // the exemption is shown as such on the staff record
        GraphQL.ok(null, "query($d: ID!) { deployment(id: $d) { noticeExemption { recordedBy recordedAt reason } } }",
                Map.of("d", d.id().toString()))
                .body("data.deployment.noticeExemption.recordedBy", equalTo(SUPERVISOR.username()))
                .body("data.deployment.noticeExemption.reason",
                        equalTo("Critical threat: armed suspect believed to be in the area today"))
                .body("data.deployment.noticeExemption.recordedAt", org.hamcrest.Matchers.notNullValue());
        assertAgrees(d, "authorised with an exemption");
        assertThat(Fixtures.deployment(d.id()).status()).isEqualTo(DeploymentStatus.ACTIVE);
    }

    /** The unmet rules of the checklist equal the start's refusal; with none unmet, the start succeeds. */
    private static void assertAgrees(DeploymentView d, String state, String... expectedUnmet) {
        Map<String, Object> vars = Map.of("d", d.id().toString());
        List<Map<String, Object>> checks = GraphQL.ok(null, CHECKLIST, vars).extract().jsonPath()
                .getList("data.deploymentReadiness");
        assertThat(checks).as(state + ": every rule of the gate").hasSize(GateRule.values().length);
        List<String> unmet = checks.stream().filter(c -> !(Boolean) c.get("met")).map(c -> (String) c.get("rule"))
                .toList();
        assertThat(unmet).as(state + ": the checklist's unmet rules").containsExactlyInAnyOrder(expectedUnmet);
        var start = GraphQL.post(null, "mutation($d: ID!) { startDeployment(id: $d) { status } }", vars).extract()
                .jsonPath();
        if (unmet.isEmpty()) {
            assertThat(start.getString("data.startDeployment.status")).as(state + ": the start succeeds")
                    .isEqualTo("ACTIVE");
        } else {
            assertThat(start.getString("errors[0].extensions.code")).as(state).isEqualTo("gate-not-met");
            List<String> refused = start.getList("errors[0].extensions.unmetRules");
            assertThat(refused).as(state + ": the start's refusal").containsExactlyInAnyOrderElementsOf(unmet);
        }
    }

    @Test
    @TestSecurity(user = "readiness.officer", roles = "officer")
    void anActiveDeploymentMeetsEveryRuleAndShowsItsCameras() {
        DeploymentView active = Fixtures.active(OFFICER);
        List<Boolean> met = GraphQL.ok(null, CHECKLIST, Map.of("d", active.id().toString())).extract().jsonPath()
                .getList("data.deploymentReadiness.met");
        assertThat(met).isNotEmpty().containsOnly(true);
        String status = "query($d: ID!) { deployment(id: $d) { cameras { status { state analysedFps droppedFrames"
                + " reconnects lastFrameAgeSeconds } } } }";
        Map<String, Object> d = Map.of("d", active.id().toString());
        GraphQL.ok(null, status, d).body("data.deployment.cameras[0].status.state", equalTo("NOT_ANALYSED"))
                .body("data.deployment.cameras[0].status.lastFrameAgeSeconds", nullValue());
        // a push camera runs on the replica that takes its first frame
        Fixtures.bean(org.lfr.recognition.runtime.FramePush.class).push(OFFICER, active.cameras().get(0).id(),
                Fixtures.TINY_JPEG);
        GraphQL.ok(null, status, d).body("data.deployment.cameras[0].status.state", equalTo("RUNNING"))
                .body("data.deployment.cameras[0].status.lastFrameAgeSeconds", lessThanOrEqualTo(5));
    }

    /**
     * A camera analysed by another replica shows that replica's report (its counters, its name, the report's age);
     * a report that stopped coming shows as STALE with its last figures, never as live.
     */
    @Test
    @TestSecurity(user = "readiness.officer", roles = "officer")
    void aCameraAnalysedElsewhereShowsItsReplicasReportAndAStaleOneSaysSo() {
        DeploymentView active = Fixtures.active(OFFICER);
        UUID camera = active.cameras().get(0).id();
        String status = "query($d: ID!) { deployment(id: $d) { cameras { status { state analysedFps droppedFrames"
                + " reconnects lastFrameAgeSeconds analysedBy reportedAgeSeconds } } } }";
        Map<String, Object> d = Map.of("d", active.id().toString());
        java.time.Instant now = Fixtures.now();
        UUID elsewhere = UUID.randomUUID();
        Fixtures.await(() -> Fixtures.bean(CameraStatusBoard.class).report(List.of(new CameraStatusBoard.Report(camera,
                "RUNNING", null, 7.5, 42, 3, now.minusSeconds(1), "replica-x", elsewhere, now.minusSeconds(1))),
                List.of(), List.of(), elsewhere, now.minusSeconds(60)));
        GraphQL.ok(null, status, d).body("data.deployment.cameras[0].status.state", equalTo("RUNNING"))
                .body("data.deployment.cameras[0].status.analysedFps", equalTo(7.5f))
                .body("data.deployment.cameras[0].status.droppedFrames", equalTo(42))
                .body("data.deployment.cameras[0].status.reconnects", equalTo(3))
                .body("data.deployment.cameras[0].status.analysedBy", equalTo("replica-x"))
                .body("data.deployment.cameras[0].status.reportedAgeSeconds", lessThanOrEqualTo(5));
        // its replica fell silent 20 s ago: its last figures, marked STALE
        java.time.Instant then = now.minusSeconds(20);
        Fixtures.await(() -> Fixtures.bean(CameraStatusBoard.class).report(List.of(new CameraStatusBoard.Report(camera,
                "RUNNING", null, 7.5, 42, 3, then, "replica-x", elsewhere, then)), List.of(), List.of(), elsewhere,
                then));
        GraphQL.ok(null, status, d).body("data.deployment.cameras[0].status.state", equalTo("STALE"))
                .body("data.deployment.cameras[0].status.droppedFrames", equalTo(42))
                .body("data.deployment.cameras[0].status.reportedAgeSeconds",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(19));
        // and ten minutes ago: nobody analyses the camera any more
        java.time.Instant longAgo = now.minusSeconds(600);
        Fixtures.await(() -> Fixtures.bean(CameraStatusBoard.class).report(List.of(new CameraStatusBoard.Report(camera,
                "RUNNING", null, 7.5, 42, 3, longAgo, "replica-x", elsewhere, longAgo)), List.of(), List.of(),
                elsewhere, longAgo));
        GraphQL.ok(null, status, d).body("data.deployment.cameras[0].status.state", equalTo("NOT_ANALYSED"))
                .body("data.deployment.cameras[0].status.analysedBy", nullValue());
    }
}
