package org.lfr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.common.Roles;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.recognition.runtime.AlertOutbox;
import org.lfr.recognition.runtime.FramePush;
import org.lfr.support.Fixtures;
import org.lfr.support.Frames;
import org.lfr.support.GraphQL;
import org.lfr.support.GraphQLWebSocket;
import org.lfr.support.Infrastructure;
import org.lfr.support.KeycloakTokensCache;
import org.lfr.support.Sql;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL is stopped and started again while a camera alerts: no alert is lost, none is duplicated, their order
 * is kept, a subscriber is told of every one, and the outage is in the audit trail. Each alert is a new passer-by:
 * the enrolled face placed at a new spot of the frame, seen in two frames.
 */
@QuarkusTest
class DatabaseOutageTest {

    static final Actor CAROL = new Actor("carol.officer", Set.of(Roles.OFFICER));
    static final String LIN = "face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png";
    static final int[] SPOTS = {0, 420, 840, 1260};

    @Inject
    FramePush frames;
    @Inject
    AlertOutbox outbox;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void noAlertIsLostOrDuplicatedAndOrderIsKeptThroughADatabaseOutage() throws Exception {
        DeploymentView d = Fixtures.activeWith(CAROL, new CameraInput("outage-cam", null, true, null, "Door"),
                Map.of("LIN-MANUEL-MIRANDA", LIN));
        UUID camera = d.cameras().get(0).id();
        List<String> logged = new ArrayList<>();
        Handler capture = capture(logged);
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect(graphql, KeycloakTokensCache.token("carol.officer"))) {
            assertThat(ws.nextOfType("connection_ack", Duration.ofSeconds(10))).isNotNull();
            ws.subscribe("1", "subscription { alertRaised(deploymentId: \"" + d.id() + "\") { id occurredAt cursor } }");
            Thread.sleep(1000);

            passersBy(camera, 3); // the database is up
            assertThat(outbox.awaitEmpty(Duration.ofSeconds(30))).isTrue();
            Thread.sleep(2500); // those passers-by are gone: their tracks are forgotten

            java.util.logging.Logger.getLogger("").addHandler(capture);
            Infrastructure.stopPostgres();
            try {
                passersBy(camera, 3); // held: the database is away
                assertThat(outbox.pending()).as("alerts held while the database is away").isEqualTo(3);
                String failed = GraphQL.post(KeycloakTokensCache.token("carol.officer"), "query($d: ID!) {"
                        + " alerts(filter: {deploymentId: $d}) { edges { node { id } } } }", Map.of("d", d.id().toString())).extract().asString();
                assertThat(failed).contains("correlationId");
                String id = failed.replaceAll("(?s).*\"correlationId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                assertThat(logged.stream().filter(l -> l.contains(id)).toList()).as("one line for the failure")
                        .hasSize(1).allMatch(l -> !l.contains("\n\tat "));
            } finally {
                Infrastructure.up();
                java.util.logging.Logger.getLogger("").removeHandler(capture);
            }
            assertThat(outbox.awaitEmpty(Duration.ofSeconds(60))).as("held alerts committed once it is back").isTrue();
            // the restart ended the session that held the camera's claim: the next reconcile takes it again
            for (int i = 0; i < 150 && Sql.claimsHeld(camera) == 0; i++) {
                Thread.sleep(100);
            }
            assertThat(Sql.claimsHeld(camera)).as("camera claimed again after the restart").isOne();
            Thread.sleep(2500);
            passersBy(camera, 2); // and after
            assertThat(outbox.awaitEmpty(Duration.ofSeconds(30))).isTrue();

            assertThat(Sql.count("select count(*) from alert where deployment_id = ?", d.id())).as("alerts").isEqualTo(8);
            assertThat(Sql.count("select count(distinct idempotency_key) from alert where deployment_id = ?", d.id()))
                    .isEqualTo(8);
            assertThat(Sql.count("select count(*) from (select occurred_at, lag(occurred_at) over (order by seq) prev"
                    + " from alert where deployment_id = ?) x where prev > occurred_at", d.id()))
                    .as("committed in the order they were seen").isZero();
            Set<String> told = new LinkedHashSet<>();
            List<String> all = new ArrayList<>();
            Map<String, String> cursors = new java.util.HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (told.size() < 8 && System.nanoTime() < deadline) {
                JsonNode next = ws.nextOfType("next", Duration.ofSeconds(2));
                if (next != null) {
                    String alert = next.at("/payload/data/alertRaised/id").asText();
                    cursors.put(alert, next.at("/payload/data/alertRaised/cursor").asText());
                    all.add(alert);
                    told.add(alert);
                }
            }
            assertThat(told).as("every alert reached the subscriber").hasSize(8);
            JsonNode extra = ws.nextOfType("next", Duration.ofSeconds(2));
            assertThat(extra).as("and none twice").isNull();
            assertThat(all).doesNotHaveDuplicates();
            // a subscriber that had dropped after its first alert catches up from that alert's cursor
            List<String> inOrder = Sql.strings("select id::text from alert where deployment_id = ? order by seq", d.id());
            List<String> caughtUp = GraphQL.ok(KeycloakTokensCache.token("carol.officer"), "query($d: ID!, $c: String) {"
                    + " alerts(filter: {deploymentId: $d}, after: $c) { edges { node { id } } } }",
                    Map.of("d", d.id().toString(), "c", cursors.get(inOrder.get(0)))).extract().jsonPath()
                    .getList("data.alerts.edges.node.id");
            assertThat(caughtUp).as("catch-up after the first alert's cursor").isEqualTo(inOrder.subList(1, 8));
        }
        assertThat(Sql.count("select count(*) from audit_event where action = 'DATABASE_OUTAGE'")).isGreaterThanOrEqualTo(1);
        assertThat(Sql.count("select count(*) from audit_event where action = 'ALERT_RAISED' and details like ?",
                "%" + d.id() + "%")).isEqualTo(8);
        await(() -> Fixtures.bean(DeploymentService.class).stop(CAROL, d.id()));
    }

    /** {@code n} new passers-by, each seen in two frames at a spot of its own: one alert each. */
    private void passersBy(UUID camera, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            byte[] frame = Frames.faceAt(LIN, SPOTS[i % SPOTS.length]);
            frames.push(CAROL, camera, frame);
            Thread.sleep(200);
            frames.push(CAROL, camera, frame);
            Thread.sleep(400);
        }
    }

    private static Handler capture(List<String> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                String params = r.getParameters() == null ? "" : java.util.Arrays.toString(r.getParameters());
                synchronized (logged) {
                    logged.add(r.getMessage() + " " + params + (r.getThrown() == null ? "" : "\n\tat " + r.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
