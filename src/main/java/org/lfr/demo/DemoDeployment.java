package org.lfr.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.common.Await;
import org.lfr.alert.AlertEvents;
import org.lfr.common.Actor;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentInput;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.deployment.DeploymentView;
import org.lfr.notice.NoticeChannel;
import org.lfr.notice.NoticeInput;
import org.lfr.notice.NoticeService;
import org.lfr.common.Roles;
import org.lfr.signage.SignageInput;
import org.lfr.signage.SignageService;
import org.lfr.watchlist.WatchlistCategory;
import org.lfr.watchlist.WatchlistEntryInput;
import org.lfr.watchlist.EnrolmentService;
import org.lfr.watchlist.WatchlistEmbeddings;
import org.lfr.watchlist.FaceEnrolment;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev builds only (a build-time profile, not a runtime flag: this bean acts as fabricated users, so a production or
 * test build does not contain it at all): walks a demo deployment through every rule (draft, camera, notice, signage, enrolment, approval,
 * four-eyes authorisation, start) as the demo users, with a looped video as its camera, and logs its alerts.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoDeployment {

    private static final Logger LOG = Logger.getLogger(DemoDeployment.class);
    private static final Actor CAROL = new Actor("carol.officer", Set.of(Roles.OFFICER));
    private static final Actor ALICE = new Actor("alice.supervisor", Set.of(Roles.SUPERVISOR));
    private static final Actor BOB = new Actor("bob.supervisor", Set.of(Roles.SUPERVISOR));

    private final DemoConfig config;
    private final DeploymentQueries queries;
    private final DeploymentDrafting drafting;
    private final DeploymentService deployments;
    private final WatchlistService watchlists;
    private final EnrolmentService enrolment;
    private final NoticeService notices;
    private final SignageService signage;
    private final AlertEvents alerts;
    private final Clock clock;
    /** How long the demo camera rests between plays of its clip (the recognition runtime's setting, read here). */
    private final Duration loopRest;
    private final WatchlistEmbeddings embeddings;
    private final FaceEnrolment faces;

    DemoDeployment(DemoConfig config, DeploymentQueries queries, DeploymentDrafting drafting,
            DeploymentService deployments, WatchlistService watchlists, EnrolmentService enrolment,
            NoticeService notices, SignageService signage, AlertEvents alerts, Clock clock,
            WatchlistEmbeddings embeddings, FaceEnrolment faces,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "lfr.recognition.loop-rest") Duration loopRest) {
        this.loopRest = loopRest;
        this.config = config;
        this.queries = queries;
        this.drafting = drafting;
        this.deployments = deployments;
        this.watchlists = watchlists;
        this.enrolment = enrolment;
        this.notices = notices;
        this.signage = signage;
        this.alerts = alerts;
        this.clock = clock;
        this.embeddings = embeddings;
        this.faces = faces;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Thread t = new Thread(this::setUp, "lfr-demo");
        t.setDaemon(true);
        t.start();
    }

    private void setUp() {
        try {
            Path video = Path.of(config.video());
            Path enrolment = Path.of(config.enrolmentDir());
            if (!Files.isRegularFile(video) || !Files.isDirectory(enrolment)) {
                LOG.warnf("Demo skipped: no video at %s or no enrolment folder at %s (the shared evaluation data, see"
                        + " README, 'Evaluation data'). To run the demo on your own footage: stop this, then"
                        + " LFR_DEMO_VIDEO=/path/to/video.mp4 LFR_DEMO_ENROLMENT_DIR=/path/to/photos scripts/dev"
                        + " -- where photos holds one folder per person (<subject>/<photo>.jpg); every person is"
                        + " enrolled and the video plays as the demo camera, again after each rest"
                        + " (lfr.recognition.loop-rest).",
                        video.toAbsolutePath(), enrolment.toAbsolutePath());
                return;
            }
            List<DeploymentView> active = Await.result(() -> queries.list(DeploymentStatus.ACTIVE));
            DeploymentView demo = active.stream().filter(d -> d.reference().startsWith("DEMO-"))
                    .filter(this::enrolledWithTheRunningModel).findFirst()
                    .orElseGet(() -> create(video, enrolment));
            alerts.stream().filter(a -> a.deploymentId().equals(demo.id())).subscribe().with(a -> LOG.infof(
                    "DEMO ALERT: %s seen on camera %s (similarity %.3f) — adjudicate it in the dashboard"
                    + " (http://localhost:8080/dashboard/, carol.officer / demo-carol-pass)",
                    a.subjectReference(), a.cameraId(), a.similarity()));
            LOG.infof("Demo deployment %s (%s) is ACTIVE with camera '%s' playing %s (then resting %s before it plays"
                    + " again). Open the dashboard at http://localhost:8080/dashboard/ and sign in as carol.officer"
                    + " (password demo-carol-pass) to watch its alerts arrive and adjudicate them; supervisors:"
                    + " alice.supervisor, the DPO: erin.dpo (README). In GraphiQL (http://localhost:8080/q/graphql-ui,"
                    + " header from scripts/token --json carol.officer): subscription { alertRaised(deploymentId: \"%s\")"
                    + " { subjectReference similarity occurredAt } }", demo.reference(), demo.id(),
                    demo.cameras().get(0).name(), video.getFileName(), loopRest, demo.id());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo deployment could not be set up");
        }
    }

    /** An earlier demo enrolled under other models would match nobody: close it, a fresh one is made. */
    private boolean enrolledWithTheRunningModel(DeploymentView d) {
        if (Await.result(() -> embeddings.unmatchableEntries(d.id(), faces.model())) == 0) {
            return true;
        }
        LOG.infof("Demo deployment %s was enrolled with other models: closing it", d.reference());
        Await.result(() -> deployments.stop(CAROL, d.id()));
        return false;
    }

    private DeploymentView create(Path video, Path enrolment) {
        Instant now = clock.instant();
        DeploymentView d = Await.result(() -> drafting.create(CAROL, new DeploymentInput(
                "DEMO-" + now.getEpochSecond(), "Demonstration of the safeguarded pipeline on public footage",
                "Demo stage", 51.5014, -0.1419, "The stage and front rows of the demo video",
                "Demonstration only: the people enrolled appear in the demo footage", now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofHours(5)), "DPIA-DEMO", "EIA-DEMO", null)));
        UUID id = d.id();
        DeploymentView withCamera = Await.result(() -> drafting.addCamera(CAROL, id, new CameraInput("stage",
                video.toAbsolutePath().toUri().toString(), false, null, "Demo video")));
        Await.result(() -> notices.publish(ALICE, id, new NoticeInput(List.of(NoticeChannel.WEB_PAGE), "Demo area",
                "Live facial recognition demonstration on recorded public footage.", null)));
        Await.result(() -> signage.place(CAROL, withCamera.cameras().get(0).id(), new SignageInput("demo-v1", null)));
        try (Stream<Path> subjects = Files.list(enrolment)) {
            for (Path subject : subjects.filter(Files::isDirectory).sorted().toList()) {
                String name = subject.getFileName().toString();
                if (name.startsWith("_") || config.subjects().map(s -> !s.contains(name)).orElse(false)) {
                    continue;
                }
                enrol(id, name, subject);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Await.result(() -> watchlists.approve(BOB, id));
        Await.result(() -> drafting.submit(CAROL, id));
        Await.result(() -> deployments.authorise(ALICE, id, "Demonstration: no community affected"));
        return Await.result(() -> deployments.start(CAROL, id));
    }

    private void enrol(UUID deploymentId, String subject, Path folder) throws java.io.IOException {
        try (Stream<Path> photos = Files.list(folder)) {
            for (Path photo : photos.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList()) {
                UUID entry = Await.result(() -> watchlists.propose(CAROL, deploymentId, new WatchlistEntryInput(
                        subject.toUpperCase(), WatchlistCategory.SUSPECT, "Demonstration", "Public photograph",
                        LocalDate.now().minusMonths(1), "Appears in the demonstration footage", false))).id();
                byte[] bytes = Files.readAllBytes(photo);
                try {
                    Await.result(() -> enrolment.storeImage(CAROL, entry, bytes));
                    return;
                } catch (RuntimeException e) {
                    LOG.infof("demo: %s not enrolled from %s (%s)", subject, photo.getFileName(), e.getMessage());
                    Await.result(() -> watchlists.remove(CAROL, entry));
                }
            }
        }
    }

}
