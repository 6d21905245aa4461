package org.lfr.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertService;
import org.lfr.alert.AlertView;
import org.lfr.common.Actor;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;
import org.lfr.support.TestClock;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.test.junit.QuarkusTest;

/** Retention with the service's clock moved forward, running what the scheduled job runs. */
@QuarkusTest
class RetentionTest {

    @Inject
    TestClock clock;
    @Inject
    RetentionService retention;
    @Inject
    DeploymentService deployments;
    @Inject
    WatchlistService watchlists;
    @Inject
    AlertService alerts;
    @Inject
    RetentionConfig config;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** What the scheduled job runs; that the job itself runs in time: {@link ScheduledRetentionTest}. */
    @Test
    void retentionPurgesAClosedDeploymentsWatchlistBiometricsAndKeepsItsMetadata() {
        DeploymentView d = Fixtures.withCamera(DRAFTER, Fixtures.draft(DRAFTER));
        Fixtures.sign(DRAFTER, d.cameras().get(0).id());
        UUID entry = Fixtures.entry(DRAFTER, d.id(), false).id();
        await(() -> Fixtures.bean(org.lfr.watchlist.EnrolmentService.class).storeImage(DRAFTER, entry,
                SharedEval.bytes("face_recognition_examples/biden/biden.jpg")));
        await(() -> watchlists.approve(APPROVER, d.id()));
        await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).submit(DRAFTER, d.id()));
        await(() -> deployments.authorise(APPROVER, d.id(), "Critical threat"));
        await(() -> deployments.start(DRAFTER, d.id()));
        assertThat(biometrics(d.id())).as("enrolment image and its embedding").isEqualTo(2);

        DeploymentView closed = await(() -> deployments.stop(DRAFTER, d.id()));
        Instant closedAt = closed.endedAt();
        RetentionViews.Status due = await(() -> retention.status());
        assertThat(due.watchlistsAwaitingPurge()).anySatisfy(w -> {
            assertThat(w.deploymentId()).isEqualTo(d.id());
            assertThat(w.deadline()).isEqualTo(closedAt.plus(config.watchlistPurgeDeadline()));
        });

        RetentionViews.Run run = await(() -> retention.run(Actor.SYSTEM));

        assertThat(run.enrolmentImagesPurged()).isGreaterThanOrEqualTo(1);
        assertThat(biometrics(d.id())).isZero();
        // the entry's metadata stays for the deployment record
        assertThat(Sql.count("select count(*) from watchlist_entry where deployment_id = ? and image_purged_at is not null",
                d.id())).isEqualTo(1);
        assertThat(await(() -> retention.status()).watchlistsAwaitingPurge())
                .noneMatch(w -> w.deploymentId().equals(d.id()));
        assertThat(Sql.count("select count(*) from audit_event where action = 'WATCHLIST_PURGED' and subject_id = ?",
                d.id().toString())).isEqualTo(1);
    }

    @Test
    void alertsAreDeletedAfterThirtyOneDaysUnlessOnLegalHold() {
        DeploymentView active = Fixtures.active(DRAFTER);
        List<AlertView> raised = List.of(Fixtures.alert(active), Fixtures.alert(active), Fixtures.alert(active));
        UUID held = raised.get(0).id();
        await(() -> alerts.placeLegalHold(APPROVER, held, "Evidence in R v Jones"));

        clock.advance(Duration.ofDays(30));
        await(() -> retention.run(Actor.SYSTEM));
        assertThat(remaining(raised)).isEqualTo(3);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(await(() -> retention.status()).alertsDueForDeletion()).isGreaterThanOrEqualTo(2);
        await(() -> retention.run(Actor.SYSTEM));
        assertThat(remaining(raised)).isEqualTo(1);
        assertThat(Sql.count("select count(*) from alert where id = ?", held)).isEqualTo(1);
        assertThat(Sql.count("select count(*) from alert_crop where alert_id = ?", held)).isEqualTo(1);
        assertThat(Sql.count("select count(*) from alert_crop where alert_id in (?, ?)", raised.get(1).id(),
                raised.get(2).id())).isZero();
        assertThat(await(() -> retention.status()).alertsOnLegalHold()).isGreaterThanOrEqualTo(1);
    }

    private static long biometrics(UUID deploymentId) {
        return Sql.count("select (select count(*) from enrolment_image i join watchlist_entry e on e.id ="
                + " i.watchlist_entry_id where e.deployment_id = ?) + (select count(*) from enrolment_embedding m"
                + " join watchlist_entry e on e.id = m.watchlist_entry_id where e.deployment_id = ?)",
                deploymentId, deploymentId);
    }

    private static long remaining(List<AlertView> alerts) {
        return alerts.stream().filter(a -> Sql.count("select count(*) from alert where id = ?", a.id()) == 1).count();
    }
}
