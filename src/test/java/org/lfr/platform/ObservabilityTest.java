package org.lfr.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lfr.support.Fixtures.await;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.recognition.runtime.FramePush;
import org.lfr.support.Fixtures;
import org.lfr.support.Management;
import org.lfr.support.SharedEval;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What a platform team relies on: health and metrics only on the management port; a stalled camera named in the
 * readiness details while the pod stays ready; the pipeline's stage timers and the alert path's meters exported; the
 * OpenAPI document lists every REST endpoint.
 */
@QuarkusTest
class ObservabilityTest {

    static final Actor OFFICER = Fixtures.officer("observed.officer");

    @Inject
    FramePush frames;

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/health/live").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void aStalledCameraIsNamedInReadinessWhileThePodStaysReady() throws Exception {
        DeploymentView d = Fixtures.activeWith(OFFICER, new CameraInput("stalls-" + UUID.randomUUID().toString()
                .substring(0, 6), null, true, null, "Side door"), Map.of());
        UUID camera = d.cameras().get(0).id();
        String key = "camera " + camera;
        String state = null;
        for (int i = 0; i < 50 && (state == null || !state.startsWith("RUNNING")); i++) { // frames come...
            frames.push(OFFICER, camera, SharedEval.bytes("face_recognition_examples/obama/obama.jpg"));
            Thread.sleep(200);
            state = readiness().getString("checks.find { it.name == 'recognition' }.data.'" + key + "'");
        }
        assertThat(state).startsWith("RUNNING");
        Thread.sleep(3000); // ...and stop: lfr.runtime.stalled-after is 2 s in tests
        JsonPath stalled = readiness();
        assertThat(stalled.getString("status")).isEqualTo("UP");
        assertThat(stalled.getString("checks.find { it.name == 'recognition' }.data.'" + key + "'")).startsWith("STALLED");
        assertThat(stalled.getInt("checks.find { it.name == 'recognition' }.data.stalledCameras")).isGreaterThanOrEqualTo(1);

        String metrics = Management.given().get("/q/metrics").asString();
        assertThat(metrics).contains("lfr_stage_seconds_count{stage=\"detect\"}").contains("lfr_stage_seconds_count{stage=\"decode\"}")
                .containsPattern("lfr_frames_analysed_total\\{[^}]*camera=\"" + camera + "\"")
                .contains("lfr_alerts_pending").contains("lfr_audit_chain_intact")
                .contains("lfr_retention_watchlists_overdue");
        await(() -> Fixtures.bean(DeploymentService.class).stop(OFFICER, d.id()));
    }

    @Test
    void theOpenApiDocumentListsEveryRestEndpoint() throws Exception {
        JsonPath doc = Management.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> documented = new HashSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(verb -> documented.add(verb.toUpperCase()
                + " " + path)));
        Set<String> endpoints = new HashSet<>();
        for (Class<?> resource : List.of(org.lfr.api.rest.CameraFrameResource.class,
                org.lfr.api.rest.EnrolmentImageResource.class, org.lfr.api.rest.BulkEnrolmentResource.class,
                org.lfr.api.rest.AlertCropResource.class)) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, PUT.class,
                        DELETE.class)) {
                    if (m.isAnnotationPresent(verb)) {
                        endpoints.add(verb.getSimpleName() + " " + base);
                    }
                }
            }
        }
        assertThat(endpoints).hasSize(5);
        assertThat(documented).containsAll(endpoints);
        // binary media types, and the error answers with their body
        assertThat(doc.getMap("paths.'/api/cameras/{cameraId}/frames'.post.requestBody.content")).containsKeys(
                "image/jpeg", "image/png");
        assertThat(doc.getMap("paths.'/api/cameras/{cameraId}/frames'.post.responses")).containsKeys("202", "400",
                "401", "403", "404", "409", "413");
        assertThat(doc.getMap("components.responses.BadRequest.content.'application/json'.schema")).isNotEmpty();
    }

    private static JsonPath readiness() {
        return Management.given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
    }
}
