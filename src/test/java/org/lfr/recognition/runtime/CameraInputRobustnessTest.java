package org.lfr.recognition.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lfr.support.Fixtures.await;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.recognition.pipeline.image.ImageHeader;
import org.lfr.support.Fixtures;
import org.lfr.support.Management;
import org.lfr.support.SharedEval;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Bad frames and dead streams get a clear error at the door, a counted failure in the worker, or a counted, logged
 * reconnect — never a crashed pipeline.
 */
@QuarkusTest
@TestSecurity(user = "robust.officer", roles = "officer")
class CameraInputRobustnessTest {

    @Inject
    DeploymentService deployments;
    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/")
    URI base;

    /** What the header shows to be wrong is refused before anything is decoded, each with its reason. */
    @Test
    void framesThatAreNoAcceptableImageAreRefusedAtTheDoor() throws Exception {
        DeploymentView d = active("push-" + UUID.randomUUID().toString().substring(0, 6), null);
        String url = "/api/cameras/" + d.cameras().get(0).id() + "/frames";
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");

        given().contentType("image/jpeg").body(new byte[0]).post(url).then().statusCode(400)
                .body("code", equalTo("invalid-input")).body("reason", equalTo("EMPTY"));
        given().contentType("application/octet-stream").body("hello, this is not an image".getBytes()).post(url)
                .then().statusCode(400).body("reason", equalTo("UNSUPPORTED_FORMAT"));
        given().contentType("image/png").body(org.lfr.support.CraftedImages.pngHeader(100_000, 100_000)).post(url).then().statusCode(400)
                .body("reason", equalTo("TOO_MANY_PIXELS"));
        assertThat(fiftyMegabytes(url)).isEqualTo(413);
        given().contentType("image/jpeg").body(photo).post(url).then().statusCode(202);
        given().contentType("image/jpeg").body(photo).post("/api/cameras/" + UUID.randomUUID() + "/frames")
                .then().statusCode(409).body("code", equalTo("conflict"));
        await(() -> deployments.stop(Fixtures.officer("robust.officer"), d.id()));
    }

    /**
     * A frame whose header is sound but whose data is not reaches the worker (frames are decoded only there, and
     * only if analysed): it is counted as failed, and the next good frame is analysed.
     */
    @Test
    void aFrameTheWorkerCannotDecodeIsCountedAndTheNextFrameIsAnalysed() throws Exception {
        DeploymentView d = active("bad-" + UUID.randomUUID().toString().substring(0, 6), null);
        UUID camera = d.cameras().get(0).id();
        String url = "/api/cameras/" + camera + "/frames";
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        given().contentType("image/jpeg").body(photo).post(url).then().statusCode(202);
        double analysed = awaitCount("lfr.frames.analysed", d, 1);

        byte[] corrupt = Arrays.copyOf(photo, photo.length / 3); // the header survives, most of the image does not
        Arrays.fill(corrupt, corrupt.length / 2, corrupt.length, (byte) 0);
        assertThat(ImageHeader.read(corrupt)).as("a sound header").isPresent();
        Thread.sleep(150); // past the analysis interval, so the corrupt frame is taken and not replaced
        given().contentType("image/jpeg").body(corrupt).post(url).then().statusCode(202);
        assertThat(awaitCount("lfr.frames.failed", d, 1)).isEqualTo(1);
        Thread.sleep(150);
        given().contentType("image/jpeg").body(photo).post(url).then().statusCode(202);
        assertThat(awaitCount("lfr.frames.analysed", d, analysed + 1)).isEqualTo(analysed + 1);
        await(() -> deployments.stop(Fixtures.officer("robust.officer"), d.id()));
    }

    @Test
    void aDeadStreamIsRetriedWithACountedReconnect() throws Exception {
        String name = "dead-" + UUID.randomUUID().toString().substring(0, 6);
        DeploymentView d = active(name, "rtsp://127.0.0.1:1/nothing-listens-here");
        double reconnects = awaitCount("lfr.stream.reconnects", d, 2);
        assertThat(reconnects).as("reconnect attempts counted").isGreaterThanOrEqualTo(2);
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = Management.given().get("/q/metrics").asString();
        assertThat(metrics).containsPattern("lfr_stream_reconnects_total\\{[^}]*camera=\"" + d.cameras().get(0).id()
                + "\"[^}]*camera_name=\"" + name + "\"");
        await(() -> deployments.stop(Fixtures.officer("robust.officer"), d.id()));
    }

    /** The counter's value once it reaches {@code atLeast}, or what it is after 15 s. */
    private double awaitCount(String counter, DeploymentView d, double atLeast) throws InterruptedException {
        var c = registry.counter(counter, CameraMetrics.tags(d.id(), d.cameras().get(0).id(), d.cameras().get(0).name()));
        for (int i = 0; i < 150 && c.count() < atLeast; i++) {
            Thread.sleep(100);
        }
        return c.count();
    }

    private DeploymentView active(String cameraName, String streamUrl) {
        return Fixtures.activeWith(Fixtures.officer("robust.officer"),
                new CameraInput(cameraName, streamUrl, streamUrl == null, null, "Test position"), Map.of());
    }

    private int fiftyMegabytes(String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "image/jpeg")
                .expectContinue(true).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[50 << 20]))
                .build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
