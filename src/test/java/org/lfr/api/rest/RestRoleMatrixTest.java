package org.lfr.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertView;
import org.lfr.common.Actor;
import org.lfr.common.Roles;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.KeycloakTokens;
import org.lfr.support.KeycloakTokensCache;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every REST endpoint × caller (anonymous; the officer who operates the deployment; another officer; a supervisor;
 * the DPO; a camera device — the own device of one camera and not of the other), with real Keycloak tokens: each cell has exactly one expected
 * status, and every refusal of a signed-in caller is in the audit trail.
 */
@QuarkusTest
class RestRoleMatrixTest {

    static final Actor CAROL = new Actor("carol.officer", java.util.Set.of(Roles.OFFICER));
    static final String OWN = "own officer", OTHER = "other officer", SUP = "supervisor", DPO = "dpo", ANON = "anonymous",
            DEVICE = "camera device";
    static final List<String> CALLERS = List.of(ANON, OWN, OTHER, SUP, DPO, DEVICE);

    static UUID boundCamera;
    static UUID unboundCamera;
    static UUID draftEntry;
    static UUID alert;
    static DeploymentView draft;

    @BeforeAll
    static void state() {
        // an ACTIVE deployment of Carol's with two push cameras: one bound to the demo device client, one to another
        DeploymentView d = Fixtures.draft(CAROL);
        var drafting = Fixtures.bean(org.lfr.deployment.DeploymentDrafting.class);
        await(() -> drafting.addCamera(CAROL, d.id(), new CameraInput("bound", null, true, "lfr-camera", "Door")));
        DeploymentView withCameras = await(() -> drafting.addCamera(CAROL, d.id(),
                new CameraInput("unbound", null, true, "another-device", "Gate")));
        withCameras.cameras().forEach(c -> Fixtures.sign(CAROL, c.id()));
        Fixtures.entry(CAROL, d.id(), false);
        await(() -> Fixtures.bean(org.lfr.watchlist.WatchlistService.class).approve(Fixtures.APPROVER, d.id()));
        await(() -> drafting.submit(CAROL, d.id()));
        await(() -> Fixtures.bean(org.lfr.deployment.DeploymentService.class).authorise(Fixtures.APPROVER, d.id(), "REST matrix"));
        DeploymentView active = await(() -> Fixtures.bean(org.lfr.deployment.DeploymentService.class).start(CAROL, d.id()));
        boundCamera = active.cameras().stream().filter(c -> c.name().equals("bound")).findFirst().orElseThrow().id();
        unboundCamera = active.cameras().stream().filter(c -> c.name().equals("unbound")).findFirst().orElseThrow().id();
        AlertView raised = Fixtures.alert(active);
        alert = raised.id();
        draft = Fixtures.draft(CAROL);
        draftEntry = Fixtures.entry(CAROL, draft.id(), false).id();
    }

    record Cell(String endpoint, Map<String, Integer> expected, Function<RequestSpecification, Integer> call) {
    }

    static Map<String, Integer> statuses(int anon, int own, int other, int sup, int dpo, int device) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(ANON, anon);
        m.put(OWN, own);
        m.put(OTHER, other);
        m.put(SUP, sup);
        m.put(DPO, dpo);
        m.put(DEVICE, device);
        return m;
    }

    @Test
    void everyEndpointForEveryCaller() throws Exception {
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        byte[] zip = zip("NOBODY.jpg", photo);
        List<Cell> cells = List.of(
                new Cell("POST frames of its own device's camera", statuses(401, 202, 403, 403, 403, 202),
                        r -> r.contentType("image/jpeg").body(photo).post("/api/cameras/" + boundCamera + "/frames")
                                .statusCode()),
                new Cell("POST frames of another device's camera", statuses(401, 202, 403, 403, 403, 403),
                        r -> r.contentType("image/jpeg").body(photo).post("/api/cameras/" + unboundCamera + "/frames")
                                .statusCode()),
                new Cell("PUT enrolment image", statuses(401, 200, 403, 200, 403, 403),
                        r -> r.contentType("image/jpeg").body(photo).put("/api/watchlist-entries/" + draftEntry + "/image")
                                .statusCode()),
                new Cell("GET enrolment image", statuses(401, 200, 403, 200, 403, 403),
                        r -> r.get("/api/watchlist-entries/" + draftEntry + "/image").statusCode()),
                new Cell("POST bulk enrolment", statuses(401, 200, 403, 200, 403, 403),
                        r -> r.contentType("application/zip").body(zip)
                                .post("/api/deployments/" + draft.id() + "/watchlist/images").statusCode()),
                new Cell("GET alert crop", statuses(401, 200, 403, 200, 403, 403),
                        r -> r.get("/api/alerts/" + alert + "/crop").statusCode()),
                new Cell("GET open data (JSON)", statuses(200, 200, 200, 200, 200, 200),
                        r -> r.get("/open-data/deployment-records.json").statusCode()),
                new Cell("GET open data (CSV)", statuses(200, 200, 200, 200, 200, 200),
                        r -> r.get("/open-data/deployment-records.csv").statusCode()));
        long before = Sql.count("select coalesce(max(seq), 0) from audit_event");
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            for (String caller : CALLERS) {
                int status = cell.call().apply(as(caller));
                if (status != cell.expected().get(caller)) {
                    wrong.add(cell.endpoint() + " as " + caller + ": expected " + cell.expected().get(caller) + ", got "
                            + status);
                }
            }
        }
        assertThat(wrong).as("cells that do not behave as the matrix says").isEmpty();
        // the other officer's refusals of these requests are each audited, naming the endpoint's action
        for (String action : List.of("FRAMES_PUSHED_REFUSED", "ENROLMENT_IMAGE_STORED_REFUSED",
                "ENROLMENT_IMAGE_READ_REFUSED", "ALERT_CROP_READ_REFUSED")) {
            assertThat(Sql.count("select count(*) from audit_event where seq > ? and actor = 'dave.officer'"
                    + " and action = ?", before, action)).as(action + " during these requests").isGreaterThanOrEqualTo(1);
        }
        assertThat(Sql.count("select count(*) from audit_event where seq > ? and action = 'FRAMES_PUSHED'"
                + " and details like ?", before, "%lfr-camera%")).as("who fed the camera").isGreaterThanOrEqualTo(1);
    }

    private static RequestSpecification as(String caller) {
        RequestSpecification r = given();
        String token = switch (caller) {
            case OWN -> KeycloakTokensCache.token("carol.officer");
            case OTHER -> KeycloakTokensCache.token("dave.officer");
            case SUP -> KeycloakTokensCache.token("alice.supervisor");
            case DPO -> KeycloakTokensCache.token("erin.dpo");
            case DEVICE -> KeycloakTokens.cameraDeviceToken();
            default -> null;
        };
        return token == null ? r : r.auth().oauth2(token);
    }

    private static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
