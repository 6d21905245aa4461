package org.lfr.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** Per-user limits on costly work, with real tokens (several callers at once). */
@QuarkusTest
class EnrolmentConcurrencyTest {

    /**
     * Two bulk enrolments whose archives are still arriving hold the user's two permits; a third request is answered
     * 429 at once, and works again once they end. (Raw HTTP/1.1 with chunked bodies, so the archives can stay open.)
     */
    @Test
    void aUserMayRunOnlyTwoEnrolmentsAtOnce() throws Exception {
        var carol = Fixtures.officer("carol.officer");
        var d = Fixtures.draft(carol);
        String token = org.lfr.support.KeycloakTokensCache.token("carol.officer");
        String path = "/api/deployments/" + d.id() + "/watchlist/images";
        List<java.net.Socket> open = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/zip\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nPK\u0003\u0004\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            open.add(socket);
        }
        Thread.sleep(1500); // both requests are in, reading their archives as they arrive
        given().auth().oauth2(token).contentType("application/zip").body(zip(Map.of("X.jpg", new byte[] {1})))
                .post(path).then().statusCode(429).body("code", org.hamcrest.Matchers.equalTo("too-many-requests"));
        for (java.net.Socket socket : open) {
            var out = socket.getOutputStream();
            out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); // the (truncated) archive ends
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertThat(status).startsWith("HTTP/1.1 200");
            socket.close();
        }
        given().auth().oauth2(token).contentType("application/zip").body(zip(Map.of("X.jpg", new byte[] {1})))
                .post(path).then().statusCode(200);
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
