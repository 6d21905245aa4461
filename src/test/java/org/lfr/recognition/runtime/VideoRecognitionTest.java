package org.lfr.recognition.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertService;
import org.lfr.alert.AlertView;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole pipeline on real footage: a deployment streams a real video file as its camera (FFmpeg), with real
 * models, real pgvector matching and real alerts.
 */
@QuarkusTest
class VideoRecognitionTest {

    @Inject
    DeploymentService deployments;
    @Inject
    AlertService alerts;
    @Inject
    FramePush framePush;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;
    @Inject
    CameraSupervisor supervisor;

    @Test
    void theHamiltonClipAlertsForLinManuelMirandaAndNobodyElse() throws Exception {
        Path clip = SharedEval.file("video/hamilton_clip/short_hamilton_clip.mp4").toAbsolutePath();
        DeploymentView d = Fixtures.activeWith(DRAFTER, new CameraInput("stage", "file:" + clip, false, null, "Press riser"), Map.of(
                "LIN-MANUEL-MIRANDA", "face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png",
                "ALEX-LACAMOIRE", "face_recognition_examples/alex_lacamoire/alex-lacamoire.png"));
        CameraWorker worker = Fixtures.worker(d.cameras().get(0).id());
        assertThat(worker.awaitSourceEnd(Duration.ofSeconds(90))).isTrue();

        List<AlertView> raised = Fixtures.alerts(DRAFTER, d.id());
        Map<String, Long> bySubject = raised.stream()
                .collect(Collectors.groupingBy(AlertView::subjectReference, Collectors.counting()));
        System.out.println("hamilton alerts by subject: " + bySubject + " similarities: "
                + raised.stream().map(a -> String.format("%s %.3f", a.subjectReference(), a.similarity())).toList());
        // Lin-Manuel Miranda (near-frontal, frames 82-210) alerts. Alex Lacamoire appears only as a 25 px face at the
        // piano (frames 0-19, similarity <= 0.72) and in full 90-degree profile (frames 20-81, <= 0.68): both far
        // below the 0.78 floor, so he is missed (docs/ACCURACY.md). Nobody in the audience may alert, however many
        // faces it shows.
        assertThat(bySubject).containsOnlyKeys("LIN-MANUEL-MIRANDA");
        assertThat(bySubject.get("LIN-MANUEL-MIRANDA")).isBetween(1L, 3L);
        assertThat(raised).allSatisfy(a -> assertThat(a.hasCrop()).isTrue());
        // faces processed are passers-by (tracks): the performers and the audience of the clip, not faces per frame
        assertThat(Fixtures.deployment(d.id()).facesProcessed()).isBetween(3L, 60L);
        assertThat(registry.counter("lfr.frames.analysed", CameraMetrics.tags(d.id(), d.cameras().get(0).id(),
                "stage")).count()).as("frames analysed at up to 10/s over the 11 s clip").isGreaterThan(50);
        await(() -> deployments.stop(DRAFTER, d.id()));
    }

    @Test
    void anUnenrolledPersonOnCctvRaisesNoAlert() throws Exception {
        DeploymentView d = Fixtures.activeWith(DRAFTER, new CameraInput("edge-1", null, true, null, "Classroom ceiling"), Map.of(
                "LIN-MANUEL-MIRANDA", "face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png",
                "OBAMA", "face_recognition_examples/obama/obama.jpg"));
        long frames = 0;
        try (Stream<Path> files = Files.list(SharedEval.file("video/otb_freeman1/img"))) {
            for (Path frame : files.sorted().toList()) {
                framePush.push(DRAFTER, d.cameras().get(0).id(), Files.readAllBytes(frame));
                frames++;
                Thread.sleep(30);
            }
        }
        Thread.sleep(2000);
        assertThat(frames).isEqualTo(326);
        assertThat(registry.counter("lfr.frames.analysed", CameraMetrics.tags(d.id(), d.cameras().get(0).id(),
                "edge-1")).count()).as("the frames were analysed").isGreaterThan(50);
        assertThat(Fixtures.deployment(d.id()).facesProcessed()).as("one person, a few tracks").isBetween(1L, 20L);
        assertThat(Fixtures.alerts(DRAFTER, d.id())).isEmpty();
        assertThat(Sql.count("select count(*) from alert where deployment_id = ?", d.id())).isZero();
        await(() -> deployments.stop(DRAFTER, d.id()));

    }
}
