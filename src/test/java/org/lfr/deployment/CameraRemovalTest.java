package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.common.ForbiddenException;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * A camera planned in the wrong place comes off a draft: by its drafting officer, audited with whether a sign had
 * been recorded for it; once submitted, or by anyone else, it is refused and the camera stays.
 */
@QuarkusTest
class CameraRemovalTest {

    static final Actor DRAFTER = Fixtures.officer("removal.officer");
    static final String REMOVE = "mutation($c: ID!) { removeCamera(cameraId: $c) { id cameras { id name } } }";

    @Test
    @TestSecurity(user = "removal.officer", roles = "officer")
    void theDrafterRemovesACameraWhileDraftAndTheRemovalIsAudited() {
        DeploymentView d = Fixtures.withCamera(DRAFTER, Fixtures.draft(DRAFTER));
        UUID first = d.cameras().get(0).id();
        UUID second = Fixtures.await(() -> Fixtures.bean(DeploymentDrafting.class).addCamera(DRAFTER, d.id(),
                new CameraInput("cam-2", null, true, null, "Bus shelter opposite"))).cameras().stream()
                .filter(c -> c.name().equals("cam-2")).findFirst().orElseThrow().id();
        Fixtures.sign(DRAFTER, first);

        GraphQL.ok(null, REMOVE, Map.of("c", first.toString()))
                .body("data.removeCamera.cameras.size()", equalTo(1))
                .body("data.removeCamera.cameras[0].name", equalTo("cam-2"));
        assertThat(Fixtures.deployment(d.id()).cameras()).extracting(CameraView::id).containsExactly(second);
        List<String> details = Sql.strings("select details from audit_event where action = 'CAMERA_REMOVED'"
                + " and subject_id = ? and actor = ?", d.id().toString(), DRAFTER.username());
        assertThat(details).hasSize(1);
        assertThat(details.get(0)).contains("\"camera\":\"cam-1\"").contains("\"hadSign\":true");
        // its sign record went with it: the start gate no longer counts it
        assertThat(Sql.count("select count(*) from signage where camera_id = ?", first)).isZero();

        GraphQL.refused(null, REMOVE, Map.of("c", first.toString()), "not-found");
        GraphQL.refused(null, REMOVE, Map.of("c", "not-a-uuid"), "invalid-input");
    }

    @Test
    @TestSecurity(user = "removal.officer", roles = "officer")
    void aSubmittedDeploymentKeepsItsCamerasAndAnotherOfficerMayNotRemoveOne() {
        DeploymentView submitted = Fixtures.submitted(DRAFTER);
        UUID camera = submitted.cameras().get(0).id();
        GraphQL.refused(null, REMOVE, Map.of("c", camera.toString()), "conflict")
                .body("errors[0].message", containsString("SUBMITTED"));
        assertThat(Fixtures.deployment(submitted.id()).cameras()).extracting(CameraView::id).containsExactly(camera);

        DeploymentView draft = Fixtures.withCamera(DRAFTER, Fixtures.draft(DRAFTER));
        UUID drafts = draft.cameras().get(0).id();
        assertThatThrownBy(() -> Fixtures.await(() -> Fixtures.bean(DeploymentDrafting.class)
                .removeCamera(Fixtures.officer("removal.other"), drafts))).isInstanceOf(ForbiddenException.class);
        assertThat(Fixtures.deployment(draft.id()).cameras()).hasSize(1);
        assertThat(Sql.count("select count(*) from audit_event where action = 'CAMERA_REMOVED_REFUSED'"
                + " and actor = 'removal.other' and subject_id = ?", draft.id().toString())).isEqualTo(1);
    }
}
