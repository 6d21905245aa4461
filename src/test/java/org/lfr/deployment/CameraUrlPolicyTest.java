package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Which stream URLs the service will open, as plain Java with production's defaults: nothing here connects anywhere
 * (the addresses are literals, and name resolution is only asked of names that resolve locally).
 */
class CameraUrlPolicyTest {

    static CameraConfig config(boolean allowLoopback, List<String> allowed, List<String> denied) {
        return new CameraConfig() {
            @Override
            public Set<String> allowedSchemes() {
                return Set.of("rtsp", "rtsps", "http", "https");
            }

            @Override
            public Optional<List<String>> allowedHosts() {
                return Optional.ofNullable(allowed);
            }

            @Override
            public Optional<List<String>> deniedHosts() {
                return Optional.ofNullable(denied);
            }

            @Override
            public boolean allowLoopback() {
                return allowLoopback;
            }
        };
    }

    static final CameraUrlPolicy PRODUCTION = new CameraUrlPolicy(config(false, null, List.of("198.51.100.0/24")),
            List.of("db.internal.invalid", "sso.internal.invalid"));

    @Test
    void eachDisallowedUrlIsRefusedWithItsReason() {
        refused("file:///etc/passwd", CameraUrlRefusal.SCHEME_NOT_ALLOWED);
        refused("ftp://192.0.2.10/stream", CameraUrlRefusal.SCHEME_NOT_ALLOWED);
        refused("concat:rtsp://192.0.2.10/a|file:///etc/passwd", CameraUrlRefusal.SCHEME_NOT_ALLOWED);
        refused("rtsp://127.0.0.1:5432/", CameraUrlRefusal.LOOPBACK);
        refused("http://localhost:8180/realms/lfr", CameraUrlRefusal.LOOPBACK);
        refused("http://[::1]:8080/q/metrics", CameraUrlRefusal.LOOPBACK);
        refused("http://169.254.169.254/latest/meta-data/", CameraUrlRefusal.LINK_LOCAL);
        refused("rtsp://[fe80::1]/stream", CameraUrlRefusal.LINK_LOCAL);
        refused("rtsp://[::]/stream", CameraUrlRefusal.LINK_LOCAL); // the unspecified address reaches this host
        refused("rtsp://0/stream", CameraUrlRefusal.LINK_LOCAL); // the same in IPv4 shorthand
        refused("rtsp://db.internal.invalid:5432/", CameraUrlRefusal.SERVICE_DEPENDENCY);
        refused("https://SSO.internal.invalid/realms/lfr", CameraUrlRefusal.SERVICE_DEPENDENCY);
        refused("rtsp://198.51.100.7/stream", CameraUrlRefusal.HOST_NOT_ALLOWED);
        refused("rtsp:///no-host", CameraUrlRefusal.MALFORMED);
        refused("not a url at all", CameraUrlRefusal.MALFORMED);
    }

    @Test
    void anAllowListAdmitsOnlyItsRanges() {
        CameraUrlPolicy policy = new CameraUrlPolicy(config(false, List.of("192.0.2.0/28", "cam.example.invalid"), null),
                List.of());
        assertThat(policy.check("rtsp://192.0.2.5/live").url()).isEqualTo("rtsp://192.0.2.5/live");
        assertThat(policy.check("rtsp://cam.example.invalid/live").url()).isEqualTo("rtsp://cam.example.invalid/live");
        assertThatThrownBy(() -> policy.check("rtsp://192.0.2.99/live"))
                .satisfies(e -> assertThat(((CameraUrlRefusedException) e).reason()).isEqualTo("HOST_NOT_ALLOWED"));
    }

    @Test
    void credentialsAreSplitOffTheUrlAndPutBackOnlyToOpenIt() {
        CameraUrlPolicy.StreamTarget t = PRODUCTION.check("rtsp://operator:s3cr%40t@192.0.2.10:554/Streaming/101?tcp");
        assertThat(t.url()).isEqualTo("rtsp://192.0.2.10:554/Streaming/101?tcp").doesNotContain("s3cr");
        assertThat(t.credentials()).isEqualTo("operator:s3cr%40t");
        assertThat(t.withCredentials()).isEqualTo("rtsp://operator:s3cr%40t@192.0.2.10:554/Streaming/101?tcp");
        assertThat(PRODUCTION.check("https://192.0.2.10/mjpeg").credentials()).isNull();
    }

    @Test
    void ffmpegMayUseOnlyWhatTheAllowedSchemesNeed() {
        assertThat(PRODUCTION.ffmpegProtocols().split(",")).contains("rtsp", "rtp", "tcp", "tls", "https")
                .doesNotContain("file", "concat", "subfile", "pipe", "data");
    }

    @Test
    void loopbackIsAllowedOnlyWhereConfigured() {
        CameraUrlPolicy dev = new CameraUrlPolicy(config(true, null, null), List.of("localhost"));
        assertThat(dev.check("rtsp://127.0.0.1:8554/demo").url()).isEqualTo("rtsp://127.0.0.1:8554/demo");
    }

    private static void refused(String url, CameraUrlRefusal reason) {
        assertThatThrownBy(() -> PRODUCTION.check(url)).as(url).isInstanceOf(CameraUrlRefusedException.class)
                .satisfies(e -> assertThat(((CameraUrlRefusedException) e).reason()).isEqualTo(reason.name()));
    }

    @Test
    void credentialsInTheQueryStringAreKeptApartAndPutBackAsTyped() {
        CameraUrlPolicy.StreamTarget t = PRODUCTION.check("rtsp://cam:pa$s%5Cw0rd@192.0.2.7:554/live?channel=1"
                + "&X-Amz-Signature=abc&client_secret=s3&access-token=t1&pass%77ord=p&jwt=j&profile=main");
        assertThat(t.url()).isEqualTo("rtsp://192.0.2.7:554/live?channel=1&profile=main");
        assertThat(t.credentials()).isEqualTo("cam:pa$s%5Cw0rd");
        assertThat(t.querySecrets()).isEqualTo("X-Amz-Signature=abc&client_secret=s3&access-token=t1&pass%77ord=p&jwt=j");
        assertThat(t.withCredentials()).isEqualTo("rtsp://cam:pa$s%5Cw0rd@192.0.2.7:554/live?channel=1&profile=main"
                + "&X-Amz-Signature=abc&client_secret=s3&access-token=t1&pass%77ord=p&jwt=j");
        // a stored password with characters a regular expression's replacement would read as group references
        assertThat(new CameraUrlPolicy.StreamTarget("rtsp://192.0.2.7/live", "u:$1\\x$", null).withCredentials())
                .isEqualTo("rtsp://u:$1\\x$@192.0.2.7/live");
        assertThat(new CameraUrlPolicy.StreamTarget("rtsp://192.0.2.7/live", null, "token=t").withCredentials())
                .isEqualTo("rtsp://192.0.2.7/live?token=t");
    }
}
