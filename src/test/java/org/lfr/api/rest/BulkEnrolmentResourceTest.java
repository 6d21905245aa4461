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
import org.lfr.support.SharedEval;
import org.lfr.watchlist.WatchlistCategory;
import org.lfr.watchlist.WatchlistEntryInput;
import org.lfr.watchlist.WatchlistService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** A zip of real photos enrols every entry it names, reports each file as it goes, and refuses bad ones alone. */
@QuarkusTest
@TestSecurity(user = "bulk.officer", roles = "officer")
class BulkEnrolmentResourceTest {

    @Test
    void aZipEnrolsEachNamedEntryAndReportsProgressPerFile() throws Exception {
        var officer = Fixtures.officer("bulk.officer");
        var d = Fixtures.draft(officer);
        for (String subject : List.of("OBAMA", "BIDEN", "GROUP")) {
            Fixtures.await(() -> Fixtures.bean(WatchlistService.class).propose(officer, d.id(), new WatchlistEntryInput(
                    subject, WatchlistCategory.SUSPECT, "Test", "Press", java.time.LocalDate.now().minusMonths(1),
                    "Bulk enrolment test entry", false)));
        }
        byte[] zip = zip(Map.of(
                "OBAMA.jpg", SharedEval.bytes("face_recognition_examples/obama/obama.jpg"),
                "BIDEN/biden.jpg", SharedEval.bytes("face_recognition_examples/biden/biden.jpg"),
                "GROUP.jpg", SharedEval.bytes("face_recognition_examples/_multi/obama_and_biden.jpg"),
                "NOBODY.jpg", SharedEval.bytes("face_recognition_examples/obama/obama2.jpg"),
                "notes.txt", "ignored".getBytes()));
        String body = given().contentType("application/zip").body(zip)
                .post("/api/deployments/" + d.id() + "/watchlist/images").then().statusCode(200).extract().asString();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = body.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(l, e);
            }
        }).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines).extracting(l -> l.get("done").asInt()).containsExactly(1, 2, 3, 4, 4);
        assertThat(lines.get(4).get("status").asText()).as("the whole archive was read").isEqualTo("FINISHED");
        assertThat(lines.subList(0, 4)).extracting(l -> l.get("file").asText()).as("reported in the archive's order,"
                + " although the next photos are analysed while one is stored")
                .containsExactly("BIDEN/biden.jpg", "GROUP.jpg", "NOBODY.jpg", "OBAMA.jpg");
        Map<String, String> status = new java.util.HashMap<>();
        lines.subList(0, 4).forEach(l -> status.put(l.get("subjectReference").asText(), l.get("status").asText()
                + (l.get("reason").isNull() ? "" : ":" + l.get("reason").asText())));
        assertThat(status).containsEntry("OBAMA", "ENROLLED").containsEntry("BIDEN", "ENROLLED")
                .containsEntry("GROUP", "REJECTED:MULTIPLE_FACES").containsEntry("NOBODY", "NO_ENTRY");
        var watchlist = Fixtures.await(() -> Fixtures.bean(WatchlistService.class).get(Fixtures.APPROVER, d.id()));
        assertThat(watchlist.entries()).filteredOn(e -> e.hasEmbedding()).extracting("subjectReference")
                .containsExactlyInAnyOrder("OBAMA", "BIDEN");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        var d = Fixtures.draft(Fixtures.officer("bulk.officer"));
        given().contentType("application/zip").body("not a zip".getBytes())
                .post("/api/deployments/" + d.id() + "/watchlist/images").then().statusCode(400);
    }

    /** Counted while the archive is read: more entries than allowed stop it, with a last line saying why. */
    @Test
    void anArchiveWithTooManyEntriesIsStoppedAtTheLimit() throws Exception {
        var d = Fixtures.draft(Fixtures.officer("bulk.officer"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 2001; i++) {
                zip.putNextEntry(new ZipEntry("note-" + i + ".txt"));
                zip.write('x');
                zip.closeEntry();
            }
        }
        List<JsonNode> lines = lines(given().contentType("application/zip").body(out.toByteArray())
                .post("/api/deployments/" + d.id() + "/watchlist/images").then().statusCode(200).extract().asString());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("STOPPED");
        assertThat(lines.get(0).get("reason").asText()).contains("more than 2000 entries");
    }

    /** A zip bomb: a small upload that expands beyond the limit is stopped there, never fully inflated. */
    @Test
    void anArchiveThatExpandsBeyondTheLimitIsStopped() throws Exception {
        var d = Fixtures.draft(Fixtures.officer("bulk.officer"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("BOMB.jpg"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros); // 300 MiB of zeros, about 300 KiB deflated
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1 << 20);
        List<JsonNode> lines = lines(given().contentType("application/zip").body(out.toByteArray())
                .post("/api/deployments/" + d.id() + "/watchlist/images").then().statusCode(200).extract().asString());
        assertThat(lines.get(lines.size() - 1).get("status").asText()).isEqualTo("STOPPED");
        assertThat(lines.get(lines.size() - 1).get("reason").asText()).contains("expands to more than");
    }

    private static List<JsonNode> lines(String body) {
        ObjectMapper json = new ObjectMapper();
        return body.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(l, e);
            }
        }).toList();
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var f : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
