package org.lfr.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Binary enrolment images over REST: real photos accepted, anything else refused clearly, reads audited. */
@QuarkusTest
class EnrolmentImageResourceTest {

    static final String OFFICER = "image.officer";

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI baseUri;

    private static UUID entry() {
        var draft = Fixtures.draft(Fixtures.officer(OFFICER));
        return Fixtures.entry(Fixtures.officer(OFFICER), draft.id(), false).id();
    }

    private static String url(UUID entry) {
        return "/api/watchlist-entries/" + entry + "/image";
    }

    @Test
    @TestSecurity(user = OFFICER, roles = "officer")
    void realJpegAndPngPhotosAreStoredAndReadBackWithAnAuditEvent() {
        UUID jpeg = entry();
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        given().contentType("image/jpeg").body(photo).put(url(jpeg)).then().statusCode(200)
                .body("hasImage", equalTo(true));
        byte[] back = given().get(url(jpeg)).then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "no-store").extract().asByteArray();
        assertThat(back).isEqualTo(photo);
        assertThat(Sql.count("select count(*) from audit_event where action = 'ENROLMENT_IMAGE_READ' and subject_id = ?",
                jpeg.toString())).isEqualTo(1);

        UUID png = entry();
        given().contentType("image/png").body(SharedEval.bytes("face_recognition_examples/alex_lacamoire/alex-lacamoire.png"))
                .put(url(png)).then().statusCode(200).body("hasImage", equalTo(true));
    }

    @Test
    @TestSecurity(user = OFFICER, roles = "officer")
    void anythingButADecodableJpegOrPngWithinTheLimitIsRefusedAndNothingStored() throws Exception {
        UUID entry = entry();
        byte[] photo = SharedEval.bytes("face_recognition_examples/obama/obama.jpg");
        byte[] corrupt = Arrays.copyOf(photo, 600);
        new Random(3).ints(200, 0, 256).forEach(new java.util.function.IntConsumer() {
            int i = 300;

            @Override
            public void accept(int b) {
                corrupt[i++] = (byte) b;
            }
        });
        refused(entry, "application/octet-stream", "just some text, not an image".getBytes(), "UNSUPPORTED_FORMAT");
        refused(entry, "image/jpeg", new byte[0], "UNSUPPORTED_FORMAT");
        refused(entry, "image/jpeg", corrupt, "UNSUPPORTED_FORMAT"); // cut before the header declares a size
        refused(entry, "image/png", org.lfr.support.CraftedImages.pngHeader(60_000, 60_000),
                "TOO_MANY_PIXELS");
        byte[] justOverLimit = Arrays.copyOf(photo, 10 * 1024 * 1024 + 1);
        refused(entry, "image/jpeg", justOverLimit, "TOO_LARGE");
        assertThat(putFiftyMegabytes(entry)).isEqualTo(413);
        assertThat(Sql.count("select count(*) from enrolment_image where watchlist_entry_id = ?", entry)).isZero();
    }

    @Test
    @TestSecurity(user = OFFICER, roles = "officer")
    void aFrozenWatchlistTakesNoNewImage() {
        var d = Fixtures.authorised(Fixtures.officer(OFFICER));
        UUID entry = Fixtures.await(() -> Fixtures.bean(org.lfr.watchlist.WatchlistService.class).get(Fixtures.APPROVER, d.id()))
                .entries().get(0).id();
        given().contentType("image/jpeg").body(SharedEval.bytes("face_recognition_examples/obama/obama.jpg"))
                .put(url(entry)).then().statusCode(409).body("code", equalTo("conflict"));
    }

    @Test
    @TestSecurity(user = "image.dpo", roles = "dpo")
    void theDpoCannotReadOrUploadBiometricImages() {
        UUID entry = entry();
        given().get(url(entry)).then().statusCode(403);
        given().contentType("image/jpeg").body(SharedEval.bytes("face_recognition_examples/obama/obama.jpg"))
                .put(url(entry)).then().statusCode(403);
        given().get("/api/alerts/" + UUID.randomUUID() + "/crop").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get(url(UUID.randomUUID())).then().statusCode(401);
    }

    /** 50 MB, announced with Expect: 100-continue so the server can refuse it before the body is sent. */
    private int putFiftyMegabytes(UUID entry) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(baseUri.resolve(url(entry)))
                .header("Content-Type", "image/jpeg").expectContinue(true)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[50 * 1024 * 1024])).build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void refused(UUID entry, String contentType, byte[] body, String reason) {
        given().contentType(contentType).body(body).put(url(entry)).then().statusCode(400)
                .body("code", equalTo("invalid-input")).body("reason", equalTo(reason));
    }
}
