package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.common.GateNotMetException;
import org.lfr.signage.SignageService;
import org.lfr.support.Fixtures;
import org.lfr.support.Sql;
import org.lfr.support.TestClock;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.test.junit.QuarkusTest;

/** Each start rule, alone, refuses the start and names itself; the refusal is audited. */
@QuarkusTest
class StartGateTest {

    /** The drafter: assigned to operate it when drafting (starting assigns nobody: OperatorAssignmentTest). */
    static final Actor OPERATOR = DRAFTER;

    @Inject
    DeploymentService deployments;
    @Inject
    WatchlistService watchlists;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDeploymentThatMeetsEveryRuleStarts() {
        DeploymentView d = Fixtures.authorised(DRAFTER);
        assertThat(await(() -> deployments.start(OPERATOR, d.id())).status()).isEqualTo(DeploymentStatus.ACTIVE);
    }

    @Test
    void notAuthorised() {
        // Never authorised: nobody authorised it, nothing froze the list, no exemption waived the notice.
        DeploymentView d = Fixtures.submitted(DRAFTER);
        assertThatThrownBy(() -> await(() -> deployments.start(OPERATOR, d.id())))
                .isInstanceOf(GateNotMetException.class)
                .satisfies(e -> assertThat(((GateNotMetException) e).unmetRules()).containsExactlyInAnyOrder(
                        GateRule.NOT_AUTHORISED, GateRule.FOUR_EYES, GateRule.WATCHLIST_NOT_FROZEN,
                        GateRule.COMMUNITY_NOTICE_LEAD_TIME));
    }

    @Test
    void fourEyesIsRecheckedAtStart() {
        DeploymentView d = Fixtures.authorised(DRAFTER);
        Sql.update("update deployment set authorised_by = created_by where id = ?", d.id());
        assertRefusedFor(d.id(), GateRule.FOUR_EYES);
    }

    @Test
    void beforeAndAfterTheAuthorisedWindow() {
        Instant now = clock.instant();
        DeploymentView d = authorisedWithWindow(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(4)),
                "Critical threat");
        assertRefusedFor(d.id(), GateRule.OUTSIDE_AUTHORISED_WINDOW);
        clock.advance(Duration.ofHours(4));
        assertRefusedFor(d.id(), GateRule.OUTSIDE_AUTHORISED_WINDOW);
    }

    @Test
    void communityNoticeLeadTimeWithoutAnExemption() {
        Instant now = clock.instant();
        DeploymentView d = authorisedWithWindow(now.plus(Duration.ofHours(23)), now.plus(Duration.ofHours(27)), null);
        Fixtures.publishNotice(d.id());

        clock.advance(Duration.ofHours(23).plusMinutes(1)); // inside the window, notice only 23 h old
        assertRefusedFor(d.id(), GateRule.COMMUNITY_NOTICE_LEAD_TIME);
        clock.advance(Duration.ofHours(1)); // notice now 24 h old
        assertThat(await(() -> deployments.start(OPERATOR, d.id())).status()).isEqualTo(DeploymentStatus.ACTIVE);
    }

    @Test
    void aCriticalThreatExemptionWaivesTheNoticeAndItsReasonIsAudited() {
        Instant now = clock.instant();
        String reason = "Credible threat to life at the venue tonight; intelligence ref CT-17";
        DeploymentView d = authorisedWithWindow(now.plus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(3)), reason);

        clock.advance(Duration.ofMinutes(2)); // inside the window, no notice published at all
        assertThat(await(() -> deployments.start(OPERATOR, d.id())).status()).isEqualTo(DeploymentStatus.ACTIVE);
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_AUTHORISED'"
                + " and subject_id = ? and details like ?", d.id().toString(), "%" + reason + "%")).isEqualTo(1);
    }

    @Test
    void noCameras() {
        DeploymentView d = Fixtures.draft(DRAFTER);
        Fixtures.entry(DRAFTER, d.id(), false);
        await(() -> watchlists.approve(APPROVER, d.id()));
        await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).submit(DRAFTER, d.id()));
        await(() -> deployments.authorise(APPROVER, d.id(), "Critical threat"));
        assertRefusedFor(d.id(), GateRule.NO_CAMERAS);
    }

    @Test
    void signageRemovedFromACamera() {
        DeploymentView d = Fixtures.authorised(DRAFTER);
        UUID sign = await(() -> Fixtures.bean(SignageService.class).signage(d.id())).get(0).id();
        await(() -> Fixtures.bean(SignageService.class).remove(DRAFTER, sign));
        assertRefusedFor(d.id(), GateRule.SIGNAGE_NOT_PLACED);
    }

    @Test
    void watchlistNotFrozen() {
        DeploymentView d = Fixtures.authorised(DRAFTER);
        Sql.update("update watchlist set frozen_at = null where deployment_id = ?", d.id());
        assertRefusedFor(d.id(), GateRule.WATCHLIST_NOT_FROZEN);
    }

    @Test
    void watchlistEmpty() {
        DeploymentView d = Fixtures.authorised(DRAFTER);
        Sql.update("delete from watchlist_entry where deployment_id = ?", d.id());
        assertRefusedFor(d.id(), GateRule.WATCHLIST_EMPTY);
    }

    @Test
    void watchlistLargerThanTheConfiguredMaximum() {
        DeploymentView d = Fixtures.authorised(DRAFTER);
        for (int i = 0; i < 5; i++) { // the test profile allows 5; the fixture already has 1
            Sql.update("insert into watchlist_entry (id, deployment_id, subject_reference, category, legal_basis,"
                    + " image_source, image_date, justification, subject_under_18, added_by, added_at)"
                    + " values (?, ?, ?, 'SUSPECT', 'x', 'x', current_date, 'inserted behind the service', false,"
                    + " 'insider', now())", UUID.randomUUID(), d.id(), "EXTRA-" + i);
        }
        assertRefusedFor(d.id(), GateRule.WATCHLIST_TOO_LARGE);
    }

    @Test
    void approvalItselfRefusesAListOverTheMaximum() {
        DeploymentView d = Fixtures.draft(DRAFTER);
        for (int i = 0; i < 6; i++) {
            Fixtures.entry(DRAFTER, d.id(), false);
        }
        assertThatThrownBy(() -> await(() -> watchlists.approve(APPROVER, d.id())))
                .isInstanceOf(GateNotMetException.class)
                .satisfies(e -> assertThat(((GateNotMetException) e).unmetRules()).containsExactly(GateRule.WATCHLIST_TOO_LARGE));
    }

    @Test
    void dpiaReferenceMissing() {
        DeploymentView d = Fixtures.authorised(DRAFTER);
        Sql.update("update deployment set dpia_reference = '' where id = ?", d.id());
        assertRefusedFor(d.id(), GateRule.DPIA_MISSING);
    }

    @Test
    void everyRefusalIsAudited() {
        DeploymentView d = Fixtures.submitted(DRAFTER);
        long before = Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_STARTED_REFUSED'"
                + " and subject_id = ?", d.id().toString());
        assertThatThrownBy(() -> await(() -> deployments.start(OPERATOR, d.id())))
                .isInstanceOf(GateNotMetException.class);
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_STARTED_REFUSED'"
                + " and subject_id = ? and details like '%NOT_AUTHORISED%'", d.id().toString())).isEqualTo(before + 1);
    }

    /** Camera signed, one entry approved, authorised for the window; {@code exemption} waives the notice lead time. */
    private DeploymentView authorisedWithWindow(Instant start, Instant end, String exemption) {
        DeploymentView d = Fixtures.withCamera(DRAFTER, await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).create(DRAFTER, Fixtures.input(start, end))));
        Fixtures.sign(DRAFTER, d.cameras().get(0).id());
        Fixtures.entry(DRAFTER, d.id(), false);
        await(() -> watchlists.approve(APPROVER, d.id()));
        await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).submit(DRAFTER, d.id()));
        return await(() -> deployments.authorise(APPROVER, d.id(), exemption));
    }

    private void assertRefusedFor(UUID id, GateRule rule) {
        assertThatThrownBy(() -> await(() -> deployments.start(OPERATOR, id)))
                .isInstanceOf(GateNotMetException.class)
                .hasMessageContaining(rule.name())
                .satisfies(e -> assertThat(((GateNotMetException) e).unmetRules()).containsExactly(rule));
        assertThat(Fixtures.deployment(id).status()).isNotEqualTo(DeploymentStatus.ACTIVE);
    }
}
