package org.lfr.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;
import org.lfr.watchlist.EnrolmentService;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The purge promise kept by the scheduler itself, in real time and scaled down: with the job every 2 s and a 10 s
 * deadline, a closed deployment's biometrics are gone within the deadline without anyone calling retention. (The
 * production figures, every minute inside fifteen, are the same rule: the service refuses to start otherwise.)
 */
@QuarkusTest
@TestProfile(ScheduledRetentionTest.FastRetention.class)
class ScheduledRetentionTest {

    public static class FastRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "true", "lfr.retention.every", "2s",
                    "lfr.retention.watchlist-purge-deadline", "10s");
        }
    }

    @Test
    void theScheduledJobPurgesAClosedDeploymentsBiometricsWithinTheDeadline() throws Exception {
        DeploymentView d = Fixtures.withCamera(DRAFTER, Fixtures.draft(DRAFTER));
        Fixtures.sign(DRAFTER, d.cameras().get(0).id());
        UUID entry = Fixtures.entry(DRAFTER, d.id(), false).id();
        await(() -> Fixtures.bean(EnrolmentService.class).storeImage(DRAFTER, entry,
                SharedEval.bytes("face_recognition_examples/biden/biden.jpg")));
        await(() -> Fixtures.bean(WatchlistService.class).approve(APPROVER, d.id()));
        await(() -> Fixtures.bean(DeploymentDrafting.class).submit(DRAFTER, d.id()));
        await(() -> Fixtures.bean(DeploymentService.class).authorise(APPROVER, d.id(), "Critical threat"));
        await(() -> Fixtures.bean(DeploymentService.class).start(DRAFTER, d.id()));
        assertThat(biometrics(d.id())).as("enrolment image and its embedding").isEqualTo(2);

        await(() -> Fixtures.bean(DeploymentService.class).stop(DRAFTER, d.id()));
        long closedAt = System.nanoTime();
        while (biometrics(d.id()) > 0 && System.nanoTime() - closedAt < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(200);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - closedAt);
        assertThat(biometrics(d.id())).isZero();
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(Sql.count("select count(*) from audit_event where action = 'WATCHLIST_PURGED' and actor = 'system'"
                + " and subject_id = ?", d.id().toString())).isEqualTo(1);
    }

    private static long biometrics(UUID deploymentId) {
        return Sql.count("select (select count(*) from enrolment_image i join watchlist_entry e on e.id ="
                + " i.watchlist_entry_id where e.deployment_id = ?) + (select count(*) from enrolment_embedding m"
                + " join watchlist_entry e on e.id = m.watchlist_entry_id where e.deployment_id = ?)",
                deploymentId, deploymentId);
    }
}
