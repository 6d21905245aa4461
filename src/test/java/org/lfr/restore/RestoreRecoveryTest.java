package org.lfr.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertService;
import org.lfr.alert.AlertView;
import org.lfr.audit.AuditVerifier;
import org.lfr.common.ForbiddenException;
import org.lfr.common.InvalidInputException;
import org.lfr.deployment.DeploymentHold;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.Sql;
import org.lfr.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the service does with a restore marker (the same code its start runs; {@code BackupRestoreIT} shows it at the
 * start of the packaged jar on a database restored by scripts/restore).
 */
@QuarkusTest
class RestoreRecoveryTest {

    @Inject
    TestClock clock;
    @Inject
    RestoreRecovery recovery;
    @Inject
    RestoreContinuity continuity;
    @Inject
    AuditVerifier verifier;
    @Inject
    DeploymentService deployments;
    @Inject
    DeploymentHold hold;
    @Inject
    AlertService alerts;

    @AfterEach
    void resetClockAndMarkers() {
        clock.reset();
        Sql.asOwner("delete from restore_marker"); // the other tests' database was never restored
    }

    @Test
    void aBackupOlderThanTheRetentionPeriodLosesItsOldAlertsAndWhatEndedMeanwhileIsClosedNotHeld() {
        DeploymentView active = Fixtures.active(DRAFTER);
        List<AlertView> raised = List.of(Fixtures.alert(active), Fixtures.alert(active));
        await(() -> alerts.placeLegalHold(APPROVER, raised.get(0).id(), "Evidence in R v Jones"));
        markRestored(Fixtures.now());

        clock.advance(Duration.ofDays(32)); // restored 32 days after the backup was taken
        await(() -> recovery.recover());

        assertThat(Sql.count("select count(*) from alert where id = ?", raised.get(1).id())).as("past 31 days").isZero();
        assertThat(Sql.count("select count(*) from alert where id = ?", raised.get(0).id())).as("on legal hold")
                .isEqualTo(1);
        DeploymentView after = Fixtures.deployment(active.id());
        assertThat(after.status()).as("past its planned end: closed, not held").isEqualTo(DeploymentStatus.CLOSED);
        assertThat(after.holdReason()).isNull();
        assertThat(Sql.count("select count(*) from audit_event where action = 'ALERTS_EXPIRED' and seq > (select max(seq)"
                + " from audit_event where action = 'RESTORED_FROM_BACKUP')")).as("retention ran after the restore")
                .isEqualTo(1);
        assertThat(Sql.count("select count(*) from restore_marker where handled_at is null")).isZero();
    }

    @Test
    void whatTheBackupShowsRunningIsHeldUntilASupervisorDecidesWithAReason() {
        DeploymentView active = Fixtures.active(DRAFTER);
        java.util.UUID second = Fixtures.active(DRAFTER).id();
        DeploymentView paused = await(() -> deployments.pause(DRAFTER, second));
        markRestored(Fixtures.now().minus(Duration.ofHours(6)));
        long restoresBefore = Sql.count("select count(*) from audit_event where action = 'RESTORED_FROM_BACKUP'");

        await(() -> recovery.recover());
        await(() -> recovery.recover()); // handled once: a second start (or replica) finds the marker done

        for (DeploymentView d : List.of(active, paused)) {
            DeploymentView held = Fixtures.deployment(d.id());
            assertThat(held.status()).isEqualTo(DeploymentStatus.PAUSED);
            assertThat(held.holdReason()).isEqualTo("restored from backup");
        }
        assertThat(Sql.count("select count(*) from audit_event where action = 'RESTORED_FROM_BACKUP'"))
                .isEqualTo(restoresBefore + 1);
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_PAUSED' and actor = 'system'"
                + " and details like '%restored from backup%' and subject_id in (?, ?)", active.id().toString(),
                paused.id().toString())).isEqualTo(2);

        // its officer may neither resume nor stop it (refusals audited); a supervisor needs a reason
        assertThatThrownBy(() -> await(() -> deployments.resume(DRAFTER, active.id())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("restored from backup");
        assertThatThrownBy(() -> await(() -> deployments.stop(DRAFTER, active.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> await(() -> hold.resume(DRAFTER, active.id(), "Checked")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> await(() -> hold.resume(APPROVER, active.id(), " ")))
                .isInstanceOf(InvalidInputException.class);

        DeploymentView resumed = await(() -> hold.resume(APPROVER, active.id(), "Still authorised and needed today"));
        assertThat(resumed.status()).isEqualTo(DeploymentStatus.ACTIVE);
        assertThat(resumed.holdReason()).isNull();
        DeploymentView stopped = await(() -> hold.stop(APPROVER, paused.id(), "Stopped before the restore"));
        assertThat(stopped.status()).isEqualTo(DeploymentStatus.CLOSED);
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_RESUMED' and subject_id = ?"
                + " and details like '%Still authorised and needed today%'", active.id().toString())).isEqualTo(1);
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_RESUMED_REFUSED'"
                + " and subject_id = ?", active.id().toString())).isGreaterThanOrEqualTo(1);
        // not held any more: its operators pause and resume it again as before
        await(() -> deployments.pause(DRAFTER, active.id()));
        assertThat(await(() -> deployments.resume(DRAFTER, active.id())).status()).isEqualTo(DeploymentStatus.ACTIVE);
        await(() -> deployments.stop(DRAFTER, active.id()));
    }

    @Test
    void verificationReportsTheEventsLostAfterTheBackupsHeadOrThatTheChainDoesNotHoldIt() {
        Fixtures.draft(DRAFTER);
        long head = Sql.count("select max(seq) from audit_event");
        String hash = Sql.strings("select hash from audit_event where seq = ?", head).get(0);
        Instant takenAt = Fixtures.now();
        Sql.asOwner("insert into restore_marker (backup_file, backup_taken_at, restored_at, head_seq, head_hash, head_at)"
                + " values ('b.dump', ?, ?, ?, ?, ?)", Timestamp.from(takenAt), Timestamp.from(takenAt.plusSeconds(60)),
                head, hash, Timestamp.from(takenAt));

        AuditVerifier.Verification v = await(() -> verifier.verify().chain(continuity::addTo));
        assertThat(v.intact()).isTrue();
        assertThat(v.continuity().lastKnownHeadSeq()).isEqualTo(head);
        assertThat(v.continuity().lastKnownHeadInChain()).isTrue();
        assertThat(v.continuity().summary()).startsWith("Events after #" + head + " on ");

        // a manifest whose head this trail does not hold: not the trail the backup recorded
        Sql.asOwner("insert into restore_marker (backup_file, backup_taken_at, restored_at, head_seq, head_hash)"
                + " values ('c.dump', ?, ?, ?, ?)", Timestamp.from(takenAt), Timestamp.from(takenAt.plusSeconds(120)),
                head, "0".repeat(64));
        AuditVerifier.Verification other = await(() -> verifier.verify().chain(continuity::addTo));
        assertThat(other.continuity().lastKnownHeadInChain()).isFalse();
        assertThat(other.continuity().summary()).contains("does not hold the backup's last event #" + head);
    }

    private static void markRestored(Instant backupTakenAt) {
        long head = Sql.count("select coalesce(max(seq), 0) from audit_event");
        Sql.asOwner("insert into restore_marker (backup_file, backup_taken_at, restored_at, head_seq, head_hash)"
                + " select 'test.dump', ?, now(), seq, hash from audit_event where seq = ?", Timestamp.from(backupTakenAt),
                head);
    }

    /** What the backup was cannot be rewritten with the service's own credentials; it may only mark it handled. */
    @Test
    void theServiceRoleMayOnlyMarkTheMarkerHandled() {
        assertThatThrownBy(() -> Sql.update("update restore_marker set head_seq = 1,"
                + " head_hash = 'forged'")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Sql.update("delete from restore_marker"))
                .hasMessageContaining("permission denied");
        assertThat(Sql.update("update restore_marker set handled_at = handled_at"))
                .as("positive control: the one column it needs").isGreaterThanOrEqualTo(0);
    }
}
