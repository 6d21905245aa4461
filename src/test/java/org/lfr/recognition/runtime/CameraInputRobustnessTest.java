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
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Bad frames and dead streams get a clear error, a counted failure or a counted, logged reconnect — never a crashed
 * pipeline.
 */
@QuarkusTest
@TestSecurity(user = "robust.officer", roles = "officer")
class CameraInputRobustnessTest {

    @Inject
    DeploymentService deployments;
    @Inject
    MeterRegistry registry;
    @Inject
    FramePush framePush;
    @Inject
    CameraSupervisor supervisor;

    @TestHTTPResource("/")
    URI base;

    @Test
    void badFramesAreRefusedAndTheCameraKeepsWorking() throws Exception {
        DeploymentView d = active("push-" + UUID.randomUUID().toString().substring(0, 6), null);
        String url = "/api/cameras/" + d.cameras().get(0).id() + "/frames";
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        byte[] corrupt = Arrays.copyOf(photo, 400);
        Arrays.fill(corrupt, 200, 400, (byte) 0x5A);

        given().contentType("image/jpeg").body(corrupt).post(url).then().statusCode(400).body("code", equalTo("invalid-input"));
        given().contentType("image/jpeg").body(new byte[0]).post(url).then().statusCode(400);
        given().contentType("application/octet-stream").body("hello".getBytes()).post(url).then().statusCode(400);
        assertThat(fiftyMegabytes(url)).isEqualTo(413);
        given().contentType("image/jpeg").body(photo).post(url).then().statusCode(202);
        given().contentType("image/jpeg").body(photo).post("/api/cameras/" + UUID.randomUUID() + "/frames")
                .then().statusCode(409).body("code", equalTo("conflict"));
        double processed = 0;
        for (int i = 0; i < 100 && processed < 1; i++) {
            Thread.sleep(100);
            processed = registry.counter("lfr.frames.processed", "camera", d.cameras().get(0).name()).count();
        }
        assertThat(processed).isGreaterThanOrEqualTo(1);
        await(() -> deployments.stop(Fixtures.officer("robust.officer"), d.id()));
    }

    /** A frame that gets past the door but that the worker cannot analyse is counted, and the camera goes on. */
    @Test
    void aFrameTheWorkerCannotAnalyseIsCountedAndTheNextFrameIsAnalysed() throws Exception {
        DeploymentView d = active("bad-" + UUID.randomUUID().toString().substring(0, 6), null);
        UUID camera = d.cameras().get(0).id();
        String name = d.cameras().get(0).name();
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        framePush.push(camera, photo);
        double processed = awaitCount("lfr.frames.processed", name, 1);
        CameraWorker worker = supervisor.worker(camera).orElseThrow();

        worker.push(new org.bytedeco.opencv.opencv_core.Mat()); // no pixels: the detector cannot even resize it
        assertThat(awaitCount("lfr.frames.failed", name, 1)).isEqualTo(1);
        framePush.push(camera, photo);
        assertThat(awaitCount("lfr.frames.processed", name, processed + 1)).isEqualTo(processed + 1);
        await(() -> deployments.stop(Fixtures.officer("robust.officer"), d.id()));
    }

    /** The counter's value once it reaches {@code atLeast}, or what it is after 10 s. */
    private double awaitCount(String counter, String camera, double atLeast) throws InterruptedException {
        double value = 0;
        for (int i = 0; i < 100 && (value = registry.counter(counter, "camera", camera).count()) < atLeast; i++) {
            Thread.sleep(100);
        }
        return value;
    }

    @Test
    void aDeadStreamIsRetriedWithACountedReconnect() throws Exception {
        String name = "dead-" + UUID.randomUUID().toString().substring(0, 6);
        DeploymentView d = active(name, "rtsp://127.0.0.1:1/nothing-listens-here");
        double reconnects = 0;
        for (int i = 0; i < 150 && reconnects < 2; i++) {
            Thread.sleep(100);
            reconnects = registry.counter("lfr.stream.reconnects", "camera", name).count();
        }
        assertThat(reconnects).as("reconnect attempts counted").isGreaterThanOrEqualTo(2);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).contains("lfr_stream_reconnects_total{camera=\"" + name + "\"");
        await(() -> deployments.stop(Fixtures.officer("robust.officer"), d.id()));
    }

    private DeploymentView active(String cameraName, String streamUrl) {
        return Fixtures.activeWith(Fixtures.officer("robust.officer"),
                new CameraInput(cameraName, streamUrl, streamUrl == null, "Test position"), Map.of());
    }

    private int fiftyMegabytes(String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "image/jpeg")
                .expectContinue(true).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[50 << 20]))
                .build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
