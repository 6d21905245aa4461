package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.await;
import static org.lfr.support.Fixtures.bean;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Management;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;
import org.lfr.watchlist.WatchlistService;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * A camera that cannot start is the only camera that does not: it gives its claim back and says why (its status and
 * readiness), and the cameras after it — in its deployment and in others — start. And credentials arrive at the
 * camera exactly as typed, whatever characters the password has.
 */
@QuarkusTest
class CameraStartFailureTest {

    static final Actor OFFICER = Fixtures.officer("start.officer");

    @Test
    @TestSecurity(user = "start.supervisor", roles = "supervisor")
    void aCameraThatCannotStartSaysWhyAndTheOthersRun() throws Exception {
        String clip = "file:" + SharedEval.file("video/hamilton_clip/short_hamilton_clip.mp4").toAbsolutePath();
        DeploymentView d = Fixtures.draft(OFFICER);
        // added while the policy allowed it; the policy now denies its host (the test profile denies 203.0.113.0/24)
        UUID denied = UUID.randomUUID();
        Sql.update("insert into camera (id, deployment_id, name, stream_url, push_mode, position_description)"
                + " values (?, ?, 'a-denied', 'rtsp://203.0.113.9/live', false, 'Pole')", denied, d.id());
        DeploymentView withGood = await(() -> bean(DeploymentDrafting.class).addCamera(OFFICER, d.id(),
                new CameraInput("b-good", clip, false, null, "Lamp post")));
        UUID good = withGood.cameras().stream().filter(c -> c.name().equals("b-good")).findFirst().orElseThrow().id();
        withGood.cameras().forEach(c -> Fixtures.sign(OFFICER, c.id()));
        Fixtures.entry(OFFICER, d.id(), false);
        await(() -> bean(WatchlistService.class).approve(APPROVER, d.id()));
        await(() -> bean(DeploymentDrafting.class).submit(OFFICER, d.id()));
        await(() -> bean(DeploymentService.class).authorise(APPROVER, d.id(), "Camera failure test"));
        await(() -> bean(DeploymentService.class).start(OFFICER, d.id()));
        DeploymentView other = Fixtures.activeWith(Fixtures.officer("start.other"),
                new CameraInput("other-cam", clip, false, null, "Gate"), Map.of());

        // the camera named first fails; the one after it, and the other deployment's, run
        Fixtures.worker(good);
        Fixtures.worker(other.cameras().get(0).id());
        bean(CameraSupervisor.class).reconcile(); // and a reconcile pass goes through all of them again
        assertThat(bean(CameraSupervisor.class).worker(denied)).isEmpty();
        assertThat(bean(CameraSupervisor.class).worker(good)).isPresent();
        assertThat(Sql.claimsHeld(denied))
                .as("the failed camera's claim is given back").isZero();
        List<Map<String, Object>> cameras = GraphQL.ok(null, "query($d: ID!) { deployment(id: $d) { cameras { name"
                + " status { state problem } } } }", Map.of("d", d.id().toString())).extract().jsonPath()
                .getList("data.deployment.cameras");
        assertThat(cameras).anySatisfy(c -> {
            assertThat(c.get("name")).isEqualTo("a-denied");
            assertThat(c.get("status").toString()).contains("state=FAILED").contains("203.0.113.9 is denied");
        });
        assertThat(cameras).anySatisfy(c -> assertThat(c.toString()).contains("b-good").doesNotContain("FAILED"));
        Management.given().get("/q/health/ready").then()
                .body(containsString("\"camera " + denied + "\": \"FAILED: could not start: streamUrl: the host 203.0.113.9 is denied"));
        await(() -> bean(DeploymentService.class).stop(OFFICER, d.id()));
        await(() -> bean(DeploymentService.class).stop(Fixtures.officer("start.other"), other.id()));
    }

    @Test
    void aPasswordWithDollarAndBackslashAndAQueryTokenArriveIntact() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<String> queries = new CopyOnWriteArrayList<>();
        HttpServer camera = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        camera.createContext("/stream.mjpg", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            queries.add(exchange.getRequestURI().getRawQuery());
            if (auth == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"camera\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                authorizations.add(auth);
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        camera.start();
        try {
            int port = camera.getAddress().getPort();
            // typed as a URL must carry them: '$' as is, '\' percent-encoded
            String url = "http://cam:pa$s%5Cw0rd@127.0.0.1:" + port + "/stream.mjpg?channel=1&token=t%24k";
            DeploymentView d = Fixtures.activeWith(Fixtures.officer("cred.officer"),
                    new CameraInput("cam", url, false, null, "Door"), Map.of());
            for (int i = 0; i < 100 && authorizations.isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertThat(authorizations).as("the camera was asked with credentials").isNotEmpty();
            String sent = new String(Base64.getDecoder().decode(authorizations.get(0).substring("Basic ".length())),
                    StandardCharsets.UTF_8);
            // FFmpeg sends the user-info decoded; either way the '$' and the backslash arrive as typed
            assertThat(sent).isIn("cam:pa$s\\w0rd", "cam:pa$s%5Cw0rd");
            assertThat(queries).allMatch(q -> q.equals("channel=1&token=t%24k"));
            assertThat(Fixtures.deployment(d.id()).cameras().get(0).streamUrl())
                    .isEqualTo("http://127.0.0.1:" + port + "/stream.mjpg?channel=1");
            await(() -> bean(DeploymentService.class).stop(Fixtures.officer("cred.officer"), d.id()));
        } finally {
            camera.stop(0);
        }
    }
}
