package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfr.support.Fixtures.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Only one replica analyses a camera. Another replica is played here by a second database session holding the
 * camera's advisory lock, exactly as a second pod's claim would.
 */
@QuarkusTest
class CameraClaimTest {

    @Inject
    FramePush framePush;
    @Inject
    CameraSupervisor supervisor;
    @Inject
    DeploymentService deployments;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aCameraHeldByAnotherReplicaIsNotAnalysedHereUntilItIsReleased() throws Exception {
        var officer = Fixtures.officer("claim.officer");
        var draft = Fixtures.draft(officer);
        String name = "claimed-" + UUID.randomUUID().toString().substring(0, 6);
        var withCamera = await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).addCamera(officer, draft.id(),
                new CameraInput(name, null, true, null, "Entrance")));
        UUID camera = withCamera.cameras().get(0).id();
        byte[] frame = org.lfr.support.SharedEval.bytes("face_recognition_examples/obama/obama.jpg");

        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl, "lfr", "lfr")) {
            lock(otherReplica, camera, true);
            var d = startWithEntry(officer, withCamera);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> framePush.push(officer, camera, frame))
                    .hasMessageContaining("analysed by another replica");
            assertThat(supervisor.worker(camera)).isEmpty();

            lock(otherReplica, camera, false); // the other replica lets go (or dies)
            framePush.push(officer, camera, frame);
            assertThat(supervisor.worker(camera)).isPresent();
            assertThat(tryLock(otherReplica, camera)).as("this replica now holds the camera").isFalse();

            await(() -> deployments.stop(officer, d.id()));
            for (int i = 0; i < 50 && supervisor.worker(camera).isPresent(); i++) {
                Thread.sleep(100);
            }
            assertThat(supervisor.worker(camera)).isEmpty();
            assertThat(tryLock(otherReplica, camera)).as("released when the deployment stops").isTrue();
        }
    }

    @Test
    void aPushCameraStartedOnAnotherReplicaIsAcceptedHereAtItsFirstFrame() throws Exception {
        var officer = Fixtures.officer("claim.officer");
        var draft = Fixtures.draft(officer);
        var withCamera = await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).addCamera(officer, draft.id(),
                new CameraInput("elsewhere-" + UUID.randomUUID().toString().substring(0, 6), null, true, null, "Exit")));
        UUID camera = withCamera.cameras().get(0).id();
        byte[] frame = org.lfr.support.SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        Fixtures.sign(officer, camera);
        Fixtures.entry(officer, draft.id(), false);
        await(() -> Fixtures.bean(org.lfr.watchlist.WatchlistService.class).approve(Fixtures.APPROVER, draft.id()));
        await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).submit(officer, draft.id()));
        await(() -> deployments.authorise(Fixtures.APPROVER, draft.id(), "Claim test"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> framePush.push(officer, camera, frame))
                .hasMessageContaining("not part of an ACTIVE deployment");

        // Another replica started it: the row changed, but no start event reached this replica.
        org.lfr.support.Sql.update("update deployment set status = 'ACTIVE' where id = ?", draft.id());
        framePush.push(officer, camera, frame);
        assertThat(supervisor.worker(camera)).isPresent();

        await(() -> deployments.stop(officer, draft.id()));
        for (int i = 0; i < 50 && supervisor.worker(camera).isPresent(); i++) {
            Thread.sleep(100);
        }
        assertThat(supervisor.worker(camera)).isEmpty();
    }

    @Test
    void aCameraWhoseClaimWasLostAndTakenByAnotherReplicaStopsHere() throws Exception {
        var officer = Fixtures.officer("claim.officer");
        var draft = Fixtures.draft(officer);
        var withCamera = await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).addCamera(officer, draft.id(),
                new CameraInput("lost-" + UUID.randomUUID().toString().substring(0, 6), null, true, null, "Side")));
        UUID camera = withCamera.cameras().get(0).id();
        startWithEntry(officer, withCamera);
        framePush.push(officer, camera, org.lfr.support.SharedEval.bytes("face_recognition_examples/obama/obama.jpg"));
        assertThat(supervisor.worker(camera)).isPresent();

        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl, "lfr", "lfr")) {
            // This replica's claim session ends (as in a database fail-over) and the other replica takes the camera.
            try (PreparedStatement st = otherReplica.prepareStatement("select pg_terminate_backend(pid) from pg_locks"
                    + " where locktype = 'advisory' and ((classid::bigint << 32) | objid::bigint) = ?")) {
                st.setLong(1, CameraClaims.lockKey(camera));
                st.execute();
            }
            boolean taken = false;
            for (int i = 0; i < 50 && !(taken = tryLockAndKeep(otherReplica, camera)); i++) {
                Thread.sleep(100);
            }
            assertThat(taken).as("the other replica could take the camera").isTrue();
            for (int i = 0; i < 100 && supervisor.worker(camera).isPresent(); i++) {
                Thread.sleep(100);
            }
            assertThat(supervisor.worker(camera)).as("analysed by one replica only").isEmpty();
            assertThatThrownBy(() -> framePush.push(officer, camera,
                    org.lfr.support.SharedEval.bytes("face_recognition_examples/obama/obama.jpg")))
                    .hasMessageContaining("analysed by another replica");
        }
    }

    private static boolean tryLockAndKeep(Connection c, UUID camera) throws Exception {
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            st.setLong(1, CameraClaims.lockKey(camera));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private org.lfr.deployment.DeploymentView startWithEntry(org.lfr.common.Actor officer,
            org.lfr.deployment.DeploymentView d) {
        Fixtures.sign(officer, d.cameras().get(0).id());
        Fixtures.entry(officer, d.id(), false);
        await(() -> Fixtures.bean(org.lfr.watchlist.WatchlistService.class).approve(Fixtures.APPROVER, d.id()));
        await(() -> Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class).submit(officer, d.id()));
        await(() -> deployments.authorise(Fixtures.APPROVER, d.id(), "Claim test"));
        return await(() -> deployments.start(officer, d.id()));
    }

    private static void lock(Connection c, UUID camera, boolean take) throws Exception {
        try (PreparedStatement st = c.prepareStatement(take ? "select pg_advisory_lock(?)" : "select pg_advisory_unlock(?)")) {
            st.setLong(1, CameraClaims.lockKey(camera));
            st.execute();
        }
    }

    private static boolean tryLock(Connection c, UUID camera) throws Exception {
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            st.setLong(1, CameraClaims.lockKey(camera));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                boolean got = rs.getBoolean(1);
                if (got) {
                    lock(c, camera, false);
                }
                return got;
            }
        }
    }

}
