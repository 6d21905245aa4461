package org.lfr.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.ApiScenario.ALICE;
import static org.lfr.support.ApiScenario.CAROL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lfr.support.ApiScenario;
import org.lfr.support.Frames;
import org.lfr.support.KeycloakTokens;
import org.lfr.support.KeycloakTokensCache;
import org.lfr.support.SecondInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Issue #23 on the packaged jar and the real PostgreSQL: a deployment runs and alerts; scripts/backup; then it is
 * stopped, its watchlist purged, and more is audited; scripts/restore of the older backup into a fresh database; the
 * service started on it holds the deployment PAUSED ("restored from backup"), refuses its camera's frames, has
 * audited the restore, deleted the alert past its retention before it could be read, and reports the events lost
 * after the backup's chain head; a supervisor stops it and the scheduled purge removes its watchlist's images and
 * embeddings from every table.
 * <p>
 * scripts/restore creates the restored database ({@code <test database>_restored}, dropped first if a run left it):
 * run as root, as CI and scripts/test are, it uses the local {@code postgres} user; otherwise give it a superuser in
 * LFR_DB_ADMIN_USER and LFR_DB_ADMIN_PASSWORD.
 */
@QuarkusIntegrationTest
@Order(2)
class BackupRestoreIT {

    static final String LIN = "face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png";
    static final String DPO = "erin.dpo";
    static final Path BACKUPS = Path.of("target", "backups");

    @Test
    void aRestoredDatabaseHoldsWhatRanRunsRetentionFirstAndReportsTheEventsItLost() throws Exception {
        int a = RestAssured.port;
        String source = TestDatabase.name();
        String restored = source + "_restored";

        // a deployment runs and alerts
        ApiScenario.Active d = ApiScenario.activeWithPushCamera(a, "LIN-MANUEL-MIRANDA", LIN);
        String device = KeycloakTokens.cameraDeviceToken();
        byte[] face = Frames.faceAt(LIN, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(ApiScenario.push(a, device, d.cameraId(), face)).isEqualTo(202);
            Thread.sleep(250);
        }
        assertThat(awaitAlerts(a, d.deploymentId(), 1)).as("the deployment alerts before the backup").isEqualTo(1);
        // the backup is older than the alert retention period by the time it is restored: its alert is 40 days old
        TestDatabase.update(source, "update alert set occurred_at = occurred_at - interval '40 days'"
                + " where deployment_id = ?::uuid", d.deploymentId());
        // the watchlist's biometrics, to be searched for in every table of the restored database at the end
        List<byte[]> images = TestDatabase.bytes(source, "select i.content from enrolment_image i join watchlist_entry e"
                + " on e.id = i.watchlist_entry_id where e.deployment_id = ?::uuid", d.deploymentId());
        List<String> embeddings = TestDatabase.texts(source, "select cast(m.embedding as text) from enrolment_embedding m"
                + " join watchlist_entry e on e.id = m.watchlist_entry_id where e.deployment_id = ?::uuid", d.deploymentId());
        assertThat(images).as("enrolment images").isNotEmpty();
        assertThat(embeddings).as("embeddings").isNotEmpty();

        // scripts/backup: a dump and its manifest
        JsonNode manifest = new ObjectMapper().readTree(lastLine(Scripts.run(Map.of("LFR_DB_NAME", source),
                "scripts/backup", BACKUPS.toString())));
        long backupHead = manifest.at("/auditHead/seq").asLong();
        assertThat(backupHead).as("the manifest's chain head").isPositive();
        assertThat(manifest.at("/auditHead/hash").asText()).hasSize(64);
        assertThat(manifest.at("/watchlistsWithBiometrics").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(manifest.at("/schemaVersion").asText()).isNotBlank();
        Instant takenAt = Instant.parse(manifest.at("/takenAt").asText());

        // after the backup: the deployment is stopped, its watchlist purged, and more is audited
        ApiScenario.ok(a, CAROL, "mutation($d: ID!) { stopDeployment(id: $d) { status } }", Map.of("d", d.deploymentId()));
        assertThat(ApiScenario.ok(a, DPO, "mutation { runRetention { watchlistsPurged } }", Map.of())
                .getInt("data.runRetention.watchlistsPurged")).isGreaterThanOrEqualTo(1);
        long liveHead = lastSeq(a);
        assertThat(liveHead).as("events after the backup").isGreaterThan(backupHead);

        // scripts/restore of the older backup into a fresh database, and the service started on it
        Scripts.run(Map.of(), "scripts/restore", BACKUPS.resolve(manifest.at("/dumpFile").asText()).toString(),
                "--into", restored, "--replace");
        try (SecondInstance b = new SecondInstance(8093, "restored", List.of("-D%test.lfr.db.name=" + restored,
                "-D%test.quarkus.scheduler.enabled=true", "-Dlfr.retention.every=2s")).start()) {
            int r = b.port();
            JsonPath held = ApiScenario.ok(r, ALICE, "query($d: ID!) { deployment(id: $d) { status holdReason } }",
                    Map.of("d", d.deploymentId()));
            assertThat(held.getString("data.deployment.status")).isEqualTo("PAUSED");
            assertThat(held.getString("data.deployment.holdReason")).isEqualTo("restored from backup");
            assertThat(ApiScenario.push(r, device, d.cameraId(), face)).as("its camera's frames are refused")
                    .isEqualTo(409);

            // audited, with both times; retention ran before the service started (and so before any query)
            List<Map<String, Object>> trail = trail(r);
            Map<String, Object> restoredEvent = only(trail, "RESTORED_FROM_BACKUP");
            JsonNode details = new ObjectMapper().readTree((String) restoredEvent.get("details"));
            assertThat(Instant.parse(details.get("backupTakenAt").asText())).isEqualTo(takenAt);
            assertThat(Instant.parse(details.get("restoredAt").asText())).isAfter(takenAt);
            assertThat(seq(restoredEvent)).as("the first event after the backup's head").isEqualTo(backupHead + 1);
            List<Map<String, Object>> sinceRestore = trail.stream().filter(e -> seq(e) > seq(restoredEvent)).toList();
            long started = seq(sinceRestore.stream().filter(e -> "SERVICE_STARTED".equals(e.get("action"))).findFirst()
                    .orElseThrow());
            assertThat(seq(only(sinceRestore, "ALERTS_EXPIRED"))).as("the old alert deleted before the service started")
                    .isLessThan(started);
            assertThat(TestDatabase.count(restored, "select count(*) from alert where deployment_id = ?::uuid",
                    d.deploymentId())).as("alerts past 31 days").isZero();
            assertThat(ApiScenario.ok(r, CAROL, "query($d: ID!) { alerts(filter: {deploymentId: $d}) { edges { node"
                    + " { id } } } }", Map.of("d", d.deploymentId())).getList("data.alerts.edges")).isEmpty();

            // the DPO sees the events lost in the restore, not just "intact"
            JsonPath v = ApiScenario.ok(r, DPO, "{ verifyAuditChain { intact continuity { lastKnownHeadSeq"
                    + " lastKnownHeadInChain backupTakenAt restoredAt summary } } }", Map.of());
            assertThat(v.getBoolean("data.verifyAuditChain.intact")).isTrue();
            assertThat(v.getLong("data.verifyAuditChain.continuity.lastKnownHeadSeq")).isEqualTo(backupHead);
            assertThat(v.getBoolean("data.verifyAuditChain.continuity.lastKnownHeadInChain")).isTrue();
            assertThat(v.getString("data.verifyAuditChain.continuity.summary"))
                    .startsWith("Events after #" + backupHead + " on ").contains("were lost in the restore");

            // its officer may neither resume nor stop it; a supervisor stops it, with a reason
            assertThat(errorCode(r, CAROL, "mutation($d: ID!) { resumeDeployment(id: $d) { status } }", d))
                    .isEqualTo("forbidden");
            assertThat(errorCode(r, CAROL, "mutation($d: ID!) { stopDeployment(id: $d) { status } }", d))
                    .isEqualTo("forbidden");
            assertThat(ApiScenario.ok(r, ALICE, "mutation($d: ID!) { stopHeldDeployment(id: $d, reason: \"Stopped and"
                    + " purged before the restore\") { status holdReason } }", Map.of("d", d.deploymentId()))
                    .getString("data.stopHeldDeployment.status")).isEqualTo("CLOSED");

            // the scheduled retention purges its watchlist (every 2 s here, inside the 15-minute promise)
            String enrolled = "select count(*) from (select watchlist_entry_id from enrolment_image union all"
                    + " select watchlist_entry_id from enrolment_embedding) b join watchlist_entry e on"
                    + " e.id = b.watchlist_entry_id where e.deployment_id = ?::uuid";
            for (int i = 0; i < 120 && TestDatabase.count(restored, enrolled, d.deploymentId()) > 0; i++) {
                Thread.sleep(500);
            }
            assertThat(TestDatabase.count(restored, enrolled, d.deploymentId())).as("purged by the scheduled job").isZero();
            assertThat(TestDatabase.occurrences(restored, images, embeddings))
                    .as("the watchlist's images and embeddings, searched in every table").isEmpty();
        }
    }

    private static String errorCode(int port, String user, String query, ApiScenario.Active d) {
        return given().port(port).contentType("application/json").accept("application/json")
                .auth().oauth2(KeycloakTokensCache.token(user))
                .body(Map.of("query", query, "variables", Map.of("d", d.deploymentId())))
                .post("/graphql").then().statusCode(200).extract().jsonPath().getString("errors[0].extensions.code");
    }

    private static long awaitAlerts(int port, String deploymentId, int expected) throws InterruptedException {
        long alerts = 0;
        for (int i = 0; i < 40 && alerts < expected; i++) {
            Thread.sleep(500);
            alerts = ApiScenario.ok(port, CAROL, "query($d: ID!) { alerts(filter: {deploymentId: $d}) { edges { node {"
                    + " id } } } }", Map.of("d", deploymentId)).getList("data.alerts.edges").size();
        }
        return alerts;
    }

    private static long lastSeq(int port) {
        return ApiScenario.ok(port, DPO, "{ auditTrail(last: 1) { edges { node { seq } } } }", Map.of())
                .getLong("data.auditTrail.edges[0].node.seq");
    }

    /** The whole trail, oldest first. */
    private static List<Map<String, Object>> trail(int port) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = null;
        while (true) {
            JsonPath page = ApiScenario.ok(port, DPO, "query($a: String) { auditTrail(first: 500, after: $a) { edges {"
                    + " node { seq action details } } pageInfo { hasNextPage endCursor } } }",
                    Collections.singletonMap("a", after));
            events.addAll(page.getList("data.auditTrail.edges.node"));
            if (!page.getBoolean("data.auditTrail.pageInfo.hasNextPage")) {
                return events;
            }
            after = page.getString("data.auditTrail.pageInfo.endCursor");
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> trail, String action) {
        List<Map<String, Object>> found = trail.stream().filter(e -> action.equals(e.get("action"))).toList();
        assertThat(found).as(action + " events").hasSize(1);
        return found.get(0);
    }

    private static long seq(Map<String, Object> event) {
        return Long.parseLong(String.valueOf(event.get("seq")));
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** The repository's scripts, run as CI runs them (scripts/test); their standard output. */
    static final class Scripts {

        static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", command) + " exit status; its output: " + out).isZero();
            return out;
        }
    }

    /** The databases, as the schema's owner: the test database the packaged jar runs on, and the restored one. */
    static final class TestDatabase {

        /** scripts/infra's test database, or another one given to the packaged jar as _TEST_LFR_DB_NAME. */
        static String name() {
            String name = System.getenv("_TEST_LFR_DB_NAME");
            return name == null || name.isBlank() ? "lfr_test" : name;
        }

        static Connection connect(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, "lfr_owner", "lfr_owner");
        }

        static void update(String database, String sql, Object... params) throws SQLException {
            try (Connection c = connect(database); PreparedStatement st = prepare(c, sql, params)) {
                st.executeUpdate();
            }
        }

        static long count(String database, String sql, Object... params) throws SQLException {
            try (Connection c = connect(database); PreparedStatement st = prepare(c, sql, params);
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        static List<byte[]> bytes(String database, String sql, Object... params) throws SQLException {
            List<byte[]> rows = new ArrayList<>();
            try (Connection c = connect(database); PreparedStatement st = prepare(c, sql, params);
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getBytes(1));
                }
            }
            return rows;
        }

        static List<String> texts(String database, String sql, Object... params) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Connection c = connect(database); PreparedStatement st = prepare(c, sql, params);
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }

        /**
         * Every column of every table that could hold an image or an embedding (bytea, vector, text), searched for
         * each value: "table.column" for each hit.
         */
        static List<String> occurrences(String database, List<byte[]> images, List<String> embeddings)
                throws SQLException {
            List<String> hits = new ArrayList<>();
            try (Connection c = connect(database)) {
                List<String[]> columns = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("select c.table_name, c.column_name, c.udt_name from"
                        + " information_schema.columns c join information_schema.tables t on t.table_schema ="
                        + " c.table_schema and t.table_name = c.table_name where c.table_schema = 'public' and"
                        + " t.table_type = 'BASE TABLE' and c.udt_name in ('bytea', 'vector', 'text', 'varchar')");
                        ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
                    }
                }
                assertThat(columns).as("columns searched").isNotEmpty();
                for (String[] col : columns) {
                    if (col[2].equals("bytea")) {
                        for (byte[] image : images) {
                            if (count(c, "select count(*) from \"" + col[0] + "\" where \"" + col[1] + "\" = ?",
                                    image) > 0) {
                                hits.add(col[0] + "." + col[1]);
                            }
                        }
                    } else {
                        for (String embedding : embeddings) {
                            // the vector itself, or its text anywhere in a text column (the first components suffice)
                            String probe = embedding.substring(0, Math.min(60, embedding.length()));
                            if (count(c, "select count(*) from \"" + col[0] + "\" where strpos(cast(\"" + col[1]
                                    + "\" as text), ?) > 0", probe) > 0) {
                                hits.add(col[0] + "." + col[1]);
                            }
                        }
                    }
                }
            }
            return hits;
        }

        private static long count(Connection c, String sql, Object param) throws SQLException {
            try (PreparedStatement st = prepare(c, sql, param); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
            PreparedStatement st = c.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st;
        }
    }
}
