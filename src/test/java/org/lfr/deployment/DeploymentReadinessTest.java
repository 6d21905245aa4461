package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The start gate as a checklist (what the supervisor's screen shows) says what the gate itself enforces: a bare draft
 * lists its unmet rules by code, an active deployment has every rule met, and each camera reports its state.
 */
@QuarkusTest
class DeploymentReadinessTest {

    static final Actor OFFICER = Fixtures.officer("readiness.officer");
    static final String CHECKLIST = "query($d: ID!) { deploymentReadiness(deploymentId: $d) { rule met description } }";

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
        // the refusal names the same unmet rules as the checklist
        List<String> unmet = checks.stream().filter(c -> !(Boolean) c.get("met")).map(c -> (String) c.get("rule")).toList();
        List<String> refused = GraphQL.post(null, "mutation($d: ID!) { startDeployment(id: $d) { id } }",
                Map.of("d", draft.id().toString())).extract().jsonPath().getList("errors[0].extensions.unmetRules");
        assertThat(refused == null ? List.of() : refused).isSubsetOf(unmet);
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
        GraphQL.ok(null, status, d).body("data.deployment.cameras[0].status.state", equalTo("NOT_HERE"))
                .body("data.deployment.cameras[0].status.lastFrameAgeSeconds", nullValue());
        // a push camera runs on the replica that takes its first frame
        Fixtures.bean(org.lfr.recognition.runtime.FramePush.class).push(OFFICER, active.cameras().get(0).id(),
                Fixtures.TINY_JPEG);
        GraphQL.ok(null, status, d).body("data.deployment.cameras[0].status.state", equalTo("RUNNING"))
                .body("data.deployment.cameras[0].status.lastFrameAgeSeconds", lessThanOrEqualTo(5));
    }
}
