package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Frames full of faces of people who are not on the watchlist leave nothing behind but a count: no row, no file,
 * no log line with an embedding, a box or an image.
 */
@QuarkusTest
class NonMatchDeletionTest {

    static final List<String> TABLES = List.of("alert", "alert_crop", "enrolment_embedding", "enrolment_image",
            "watchlist_entry", "audit_event", "purge_log", "deployment_record", "signage", "camera");

    @Inject
    DeploymentService deployments;
    @Inject
    FramePush framePush;
    @Inject
    CameraSupervisor supervisor;

    @Test
    void nothingOfANonMatchingFaceIsKept() throws Exception {
        DeploymentView d = Fixtures.activeWith(DRAFTER, new CameraInput("gate-" + UUID.randomUUID().toString()
                .substring(0, 6), null, true, null, "Gate"), Map.of("KIT-H", "face_recognition_examples/kit_harington/john1.jpeg"));
        UUID camera = d.cameras().get(0).id();
        List<Path> frames = new ArrayList<>();
        frames.add(SharedEval.file("face_recognition_examples/_multi/obama_and_biden.jpg"));
        frames.add(SharedEval.file("face_recognition_examples/_multi/two_people.jpg"));
        try (Stream<String> lines = Files.lines(SharedEval.file("lfw/identities.tsv"))) {
            lines.skip(1).filter(l -> l.endsWith("\t1")).limit(40).map(l -> l.split("\t")[0])
                    .forEach(name -> frames.add(SharedEval.file("lfw/" + name + "/" + name + "_0001.jpg")));
        }

        Map<String, Long> rowsBefore = rowCounts();
        Set<Path> filesBefore = files();
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
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
        try {
            for (Path frame : frames) {
                framePush.push(DRAFTER, camera, Files.readAllBytes(frame));
                Thread.sleep(60);
            }
            Thread.sleep(1500); // let the last frame be analysed and the face count flushed
        } finally {
            root.removeHandler(capture);
        }

        // Rows: none, but the one audit event that says who fed the camera (camera name and client, nothing of a face)
        Map<String, Long> rowsAfter = rowCounts();
        assertThat(rowsAfter.get("audit_event")).isEqualTo(rowsBefore.get("audit_event") + 1);
        assertThat(Sql.count("select count(*) from audit_event where seq = (select max(seq) from audit_event)"
                + " and action = 'FRAMES_PUSHED' and details not like '%embedding%' and length(details) < 200")).isOne();
        rowsAfter.put("audit_event", rowsBefore.get("audit_event"));
        assertThat(rowsAfter).isEqualTo(rowsBefore);
        // Memory: once the faces are gone, their tracks are forgotten, whether or not more frames come
        CameraWorker worker = supervisor.worker(camera).orElseThrow();
        for (int i = 0; i < 50 && worker.activeTracks() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(worker.activeTracks()).as("tracks left in memory").isZero();
        // Faces are counted as passers-by (tracks): the two group photos give four faces in four places; the LFW
        // portraits all sit at the centre of the frame, so the tracker may take successive ones for one face.
        long faces = 0;
        for (int i = 0; i < 100 && (faces = Fixtures.deployment(d.id()).facesProcessed()) < 5; i++) {
            Thread.sleep(100); // counts are added every few seconds
        }
        assertThat(faces).as("passers-by seen (and counted)").isGreaterThanOrEqualTo(5);
        Set<Path> newFiles = files();
        newFiles.removeAll(filesBefore);
        assertThat(newFiles).as("image files written while analysing").isEmpty();
        // positive control: the capture saw the service's own log lines (the camera's worker starting on its first frame)
        assertThat(logged).anyMatch(line -> line.contains("analysing on this replica")
                && line.contains(d.cameras().get(0).name()));
        assertThat(logged).noneMatch(line -> line.matches("(?s).*(-?\\d\\.\\d{3,}[,\\s]+){8}.*"))
                .noneMatch(line -> line.contains("FaceBox") || line.contains("embedding") || line.contains("FaceObservation"));
        await(() -> deployments.stop(DRAFTER, d.id()));
    }

    private static Map<String, Long> rowCounts() {
        return new java.util.HashMap<>(TABLES.stream().collect(Collectors.toMap(t -> t,
                t -> Sql.count("select count(*) from " + t))));
    }

    /** Image files in the working directory and the temp directory. */
    private static Set<Path> files() throws IOException {
        Set<Path> all = new java.util.HashSet<>();
        for (Path root : List.of(Path.of("."), Path.of(System.getProperty("java.io.tmpdir")))) {
            try (Stream<Path> walk = Files.walk(root, 4)) {
                walk.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png|bmp|npy|bin)$"))
                        .filter(p -> !p.startsWith("./.git") && !p.toString().contains("/.infra/"))
                        .forEach(all::add);
            } catch (java.io.UncheckedIOException ignored) {
                // a temp entry vanished while walking
            }
        }
        return all;
    }
}
