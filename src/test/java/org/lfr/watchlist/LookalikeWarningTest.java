package org.lfr.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.support.ApiScenario;
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The look-alike check with the real models, the shipped cohort and real photos: an entry whose photo is a face of
 * the cohort (someone on no watchlist) is flagged to the approving supervisor with its rate and multiple, approving
 * anyway puts it on the audit record, and an ordinary photo is not flagged.
 */
@QuarkusTest
class LookalikeWarningTest {

    @Test
    void aCohortFaceIsFlaggedAndApprovingItAnywayIsAudited() throws Exception {
        Actor officer = Fixtures.officer("lookalike.officer");
        var d = Fixtures.draft(officer);
        EnrolmentService enrolment = Fixtures.bean(EnrolmentService.class);

        WatchlistEntryView twin = Fixtures.entry(officer, d.id(), false);
        String photo = enrolCohortFace(officer, enrolment, twin.id());
        // a different photo of the same cohort face: mirrored and re-encoded, so not the cohort's own image
        WatchlistEntryView mirrored = Fixtures.entry(officer, d.id(), false);
        byte[] mirror = mirrored(SharedEval.bytes("lfw/" + photo));
        await(() -> enrolment.storeImage(officer, mirrored.id(), mirror));
        WatchlistEntryView ordinary = Fixtures.entry(officer, d.id(), false);
        await(() -> enrolment.storeImage(officer, ordinary.id(),
                SharedEval.bytes("face_recognition_examples/obama/obama.jpg")));

        WatchlistView list = await(() -> Fixtures.bean(WatchlistService.class).get(Fixtures.APPROVER, d.id()));
        WatchlistEntryView flagged = byId(list, twin.id());
        assertThat(flagged.lookalikeWarning()).as("the cohort's own photo " + photo)
                .contains("This photo is expected to alert on about 1 in", "x the rate the calibration expects");
        assertThat(flagged.lookalikeMultiple()).isGreaterThanOrEqualTo(5);
        assertThat(flagged.expectedFalseAlertRate()).isGreaterThanOrEqualTo(1.0 / 1000);
        assertThat(flagged.expectedFalseAlerts()).startsWith("about 1 in");

        assertThat(byId(list, mirrored.id()).lookalikeWarning()).as("the mirrored photo of " + photo)
                .contains("This photo is expected to alert on about 1 in");

        WatchlistEntryView plain = byId(list, ordinary.id());
        assertThat(plain.lookalikeWarning()).isNull();
        assertThat(plain.expectedFalseAlertRate()).as("scored against the cohort, with a rate or its bound").isNotNull();

        // the same through the API the dashboard reads
        var json = ApiScenario.ok(RestAssured.port, ApiScenario.ALICE, "query($d: ID!) { watchlist(deploymentId: $d) {"
                + " entries { id expectedFalseAlertRate expectedFalseAlerts lookalikeMultiple lookalikeWarning } } }",
                Map.of("d", d.id().toString()));
        List<Map<String, Object>> entries = json.getList("data.watchlist.entries");
        Map<String, Object> apiTwin = entries.stream().filter(e -> twin.id().toString().equals(e.get("id")))
                .findFirst().orElseThrow();
        assertThat((String) apiTwin.get("lookalikeWarning")).isEqualTo(flagged.lookalikeWarning());

        await(() -> Fixtures.bean(WatchlistService.class).approve(Fixtures.APPROVER, d.id()));
        List<String> details = Sql.strings("select details from audit_event where action = 'WATCHLIST_APPROVED'"
                + " and subject_id = ?", d.id().toString());
        assertThat(details).hasSize(1);
        JsonNode record = new ObjectMapper().readTree(details.get(0));
        assertThat(record.path("threshold").asDouble()).isEqualTo(Fixtures.deployment(d.id()).matchThreshold());
        assertThat(record.path("entriesWithoutLookalikeRate").asLong()).as("all three were scored").isZero();
        JsonNode flaggedOnRecord = record.path("lookalikesFlagged");
        assertThat(flaggedOnRecord).as("the two photos of the cohort face, not the ordinary one").hasSize(2);
        JsonNode twinOnRecord = java.util.stream.StreamSupport.stream(flaggedOnRecord.spliterator(), false)
                .filter(f -> f.path("entry").asText().equals(twin.id().toString())).findFirst().orElseThrow();
        assertThat(java.util.stream.StreamSupport.stream(flaggedOnRecord.spliterator(), false)
                .map(f -> f.path("entry").asText())).doesNotContain(ordinary.id().toString());
        assertThat(twinOnRecord.path("multiple").asDouble()).isEqualTo(flagged.lookalikeMultiple());
        assertThat(twinOnRecord.path("expectedFalseAlertRate").asDouble())
                .isEqualTo(flagged.expectedFalseAlertRate());

        // a later threshold has its own flags on its record: at 0.99 the cohort's own photo (0.9999) still alerts on
        // its cohort face, the mirrored one (about 0.98) no longer does
        await(() -> Fixtures.bean(org.lfr.deployment.DeploymentService.class).setMatchThreshold(Fixtures.APPROVER,
                d.id(), 0.99));
        List<String> thresholdSet = Sql.strings("select details from audit_event where action = 'MATCH_THRESHOLD_SET'"
                + " and subject_id = ?", d.id().toString());
        assertThat(thresholdSet).hasSize(1);
        JsonNode atNewThreshold = new ObjectMapper().readTree(thresholdSet.get(0)).path("lookalikesFlagged");
        assertThat(java.util.stream.StreamSupport.stream(atNewThreshold.spliterator(), false)
                .map(f -> f.path("entry").asText())).containsExactly(twin.id().toString());
    }

    /** The first cohort photo that passes enrolment's checks (some LFW photos show more than one face). */
    private static String enrolCohortFace(Actor officer, EnrolmentService enrolment, UUID entryId) throws Exception {
        JsonNode cohort = new ObjectMapper().readTree(Path.of("models", "cohort.json").toFile());
        for (JsonNode image : cohort.path("images")) {
            try {
                await(() -> enrolment.storeImage(officer, entryId, SharedEval.bytes("lfw/" + image.asText())));
                return image.asText();
            } catch (EnrolmentRejectedException e) {
                // next photo
            }
        }
        throw new AssertionError("no cohort photo passed enrolment's checks");
    }

    private static byte[] mirrored(byte[] jpeg) throws Exception {
        java.awt.image.BufferedImage in = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(in.getWidth(), in.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(in, in.getWidth(), 0, -in.getWidth(), in.getHeight(), null);
        g.dispose();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(out, "jpg", bytes);
        return bytes.toByteArray();
    }

    private static WatchlistEntryView byId(WatchlistView list, UUID id) {
        return list.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
