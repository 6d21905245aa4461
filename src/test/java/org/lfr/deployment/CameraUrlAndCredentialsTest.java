package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.lfr.support.Fixtures.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Camera URLs the service will not open are refused when the camera is added, with a reason, and nothing is stored;
 * stream credentials are kept apart, never returned by any query and never logged. (No test here opens an address
 * that is not this machine: refusals happen before anything connects.)
 */
@QuarkusTest
class CameraUrlAndCredentialsTest {

    static final String ADD = "mutation($d: ID!, $u: String!) { addCamera(deploymentId: $d, input: {name: \"cam\","
            + " streamUrl: $u, pushMode: false, positionDescription: \"Pole\"}) { cameras { name streamUrl"
            + " hasCredentials } } }";
    static final String SECRET = "s3cret-Pw-7731";

    @Test
    @TestSecurity(user = "url.officer", roles = "officer")
    void disallowedUrlsAreRefusedWithAReasonAndNothingIsStored() {
        DeploymentView d = Fixtures.draft(Fixtures.officer("url.officer"));
        refused(d, "ftp://192.0.2.10/stream", "SCHEME_NOT_ALLOWED");
        refused(d, "concat:rtsp://192.0.2.10/a|file:///etc/passwd", "SCHEME_NOT_ALLOWED");
        refused(d, "http://169.254.169.254/latest/meta-data/", "LINK_LOCAL");
        refused(d, "rtsp://[fe80::1]/stream", "LINK_LOCAL");
        refused(d, "rtsp://203.0.113.9/live", "HOST_NOT_ALLOWED"); // the test profile denies 203.0.113.0/24
        refused(d, "rtsp:///no-host", "MALFORMED");
        assertThat(Sql.count("select count(*) from camera where deployment_id = ?", d.id())).isZero();
    }

    @Test
    @TestSecurity(user = "url.officer", roles = {"officer", "supervisor", "dpo"})
    void streamCredentialsAreNeverShownNorLogged() throws Exception {
        DeploymentView draft = Fixtures.draft(Fixtures.officer("url.officer"));
        String url = "rtsp://alice:" + SECRET + "@127.0.0.1:1/live"; // nothing listens: the camera keeps reconnecting
        String added = GraphQL.ok(null, ADD, Map.of("d", draft.id().toString(), "u", url))
                .body("data.addCamera.cameras[0].streamUrl", equalTo("rtsp://127.0.0.1:1/live"))
                .body("data.addCamera.cameras[0].hasCredentials", equalTo(true)).extract().asString();
        assertThat(added).doesNotContain(SECRET);

        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        DeploymentView d;
        try {
            d = startWithCamera(draft);
            for (int i = 0; i < 100 && logged.stream().noneMatch(l -> l.contains("reconnecting")); i++) {
                Thread.sleep(100);
            }
        } finally {
            root.removeHandler(capture);
        }
        // positive control: the camera's failed connection was logged, and the capture saw it
        assertThat(logged).anyMatch(l -> l.contains("reconnecting") && l.contains("cam"));
        assertThat(logged).noneMatch(l -> l.contains(SECRET));

        String everything = GraphQL.ok(null, "query($d: ID!) { deployment(id: $d) { cameras { streamUrl"
                + " hasCredentials } } deployments { edges { node { cameras { streamUrl } } } } publicDeployments { edges { node { areaDescription } } }"
                + " auditTrail(last: 500) { edges { node { details } } } }", Map.of("d", d.id().toString())).extract().asString();
        assertThat(everything).contains("rtsp://127.0.0.1:1/live").doesNotContain(SECRET);
        assertThat(Sql.count("select count(*) from audit_event where details like ?", "%" + SECRET + "%")).isZero();
        await(() -> Fixtures.bean(DeploymentService.class).stop(Fixtures.officer("url.officer"), d.id()));
    }

    private static DeploymentView startWithCamera(DeploymentView draft) {
        var officer = Fixtures.officer("url.officer");
        DeploymentView d = Fixtures.deployment(draft.id());
        Fixtures.sign(officer, d.cameras().get(0).id());
        Fixtures.entry(officer, d.id(), false);
        await(() -> Fixtures.bean(org.lfr.watchlist.WatchlistService.class).approve(Fixtures.APPROVER, d.id()));
        await(() -> Fixtures.bean(DeploymentDrafting.class).submit(officer, d.id()));
        await(() -> Fixtures.bean(DeploymentService.class).authorise(Fixtures.APPROVER, d.id(), "Credentials test"));
        return await(() -> Fixtures.bean(DeploymentService.class).start(officer, d.id()));
    }

    private static void refused(DeploymentView d, String url, String reason) {
        GraphQL.post(null, ADD, Map.of("d", d.id().toString(), "u", url))
                .body("errors[0].extensions.code", equalTo("invalid-input"))
                .body("errors[0].extensions.reason", equalTo(reason))
                .body("errors[0].extensions.fieldErrors[0].field", equalTo("streamUrl"))
                .body("data.addCamera", nullValue());
    }
}
