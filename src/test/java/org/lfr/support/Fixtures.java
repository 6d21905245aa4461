package org.lfr.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.lfr.alert.AlertQueries;
import org.lfr.alert.AlertRecorder;
import org.lfr.alert.AlertView;
import org.lfr.alert.NewAlert;
import org.lfr.common.Actor;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentInput;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.OperatorAssignment;
import org.lfr.deployment.DeploymentView;
import org.lfr.notice.NoticeChannel;
import org.lfr.notice.NoticeInput;
import org.lfr.notice.NoticeService;
import org.lfr.common.Roles;
import org.lfr.signage.SignageInput;
import org.lfr.signage.SignageService;
import org.lfr.signage.SignageView;
import org.lfr.watchlist.EnrolmentService;
import org.lfr.watchlist.WatchlistCategory;
import org.lfr.watchlist.WatchlistEntryInput;
import org.lfr.watchlist.WatchlistEntryView;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;

/**
 * Builds deployments in any state through the real services (not the database), as named users, so that tests can
 * start from the state they need. Every rule still applies on the way.
 */
public final class Fixtures {

    public static final Actor DRAFTER = officer("fixture.officer");
    public static final Actor APPROVER = supervisor("fixture.supervisor");
    /** A small but real JPEG (1×1 px) for the crop of injected alerts. */
    public static final byte[] TINY_JPEG = java.util.Base64.getDecoder().decode(
            "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==");

    private Fixtures() {
    }

    public static Actor officer(String name) {
        return new Actor(name, Set.of(Roles.OFFICER));
    }

    public static Actor supervisor(String name) {
        return new Actor(name, Set.of(Roles.SUPERVISOR));
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        return org.lfr.common.Await.result(work);
    }

    public static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    public static Instant now() {
        return bean(TestClock.class).instant();
    }

    public static DeploymentInput input(Instant start, Instant end) {
        return new DeploymentInput("T-" + UUID.randomUUID().toString().substring(0, 12),
                "Locate people wanted for violent offences at the high street during the market",
                "High Street, Cardiff", 51.4816, -3.1791, "The pedestrian zone between Queen St and St Mary St",
                "Three violent offenders on the list were last seen here; footfall is high on market days",
                start, end, "DPIA-2026-014", "EIA-2026-009", null, null);
    }

    /** A draft whose window is already open (started a minute ago, four hours long). */
    public static DeploymentView draft(Actor drafter) {
        Instant now = now();
        return await(() -> bean(DeploymentDrafting.class).create(drafter,
                input(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(4)))));
    }

    public static DeploymentView withCamera(Actor drafter, DeploymentView d) {
        return await(() -> bean(DeploymentDrafting.class).addCamera(drafter, d.id(),
                new CameraInput("cam-1", null, true, null, "Lamp post outside no. 12")));
    }

    public static WatchlistEntryView entry(Actor proposer, UUID deploymentId, boolean under18) {
        return await(() -> bean(WatchlistService.class).propose(proposer, deploymentId, new WatchlistEntryInput(
                "SUBJ-" + UUID.randomUUID().toString().substring(0, 8), WatchlistCategory.WANTED_BY_COURT,
                "Arrest warrant, Cardiff Magistrates' Court", "Custody image", LocalDate.now().minusMonths(3),
                "Failed to appear for trial on a charge of wounding", under18)));
    }

    public static SignageView sign(Actor officer, UUID cameraId) {
        return await(() -> bean(SignageService.class).place(officer, cameraId, new SignageInput("v3", "PHOTO-1")));
    }

    /** Draft with a camera and a signed camera, one entry, approved, submitted: ready for a supervisor. */
    public static DeploymentView submitted(Actor drafter) {
        DeploymentView d = withCamera(drafter, draft(drafter));
        sign(drafter, d.cameras().get(0).id());
        entry(drafter, d.id(), false);
        await(() -> bean(WatchlistService.class).approve(APPROVER, d.id()));
        return await(() -> bean(DeploymentDrafting.class).submit(drafter, d.id()));
    }

    /** Authorised with a critical-threat exemption from the notice lead time, so it may start at once. */
    public static DeploymentView authorised(Actor drafter) {
        DeploymentView d = submitted(drafter);
        return await(() -> bean(DeploymentService.class).authorise(APPROVER, d.id(),
                "Critical threat: armed suspect believed to be in the area today"));
    }

    /** Drafted by {@link #DRAFTER}, assigned by a supervisor to {@code operator} (alone), started by them. */
    public static DeploymentView active(Actor operator) {
        DeploymentView d = authorised(DRAFTER);
        assign(d.id(), operator.username());
        return await(() -> bean(DeploymentService.class).start(operator, d.id()));
    }

    /** A supervisor assigns exactly these officers to operate the deployment. */
    public static DeploymentView assign(UUID deploymentId, String... usernames) {
        return await(() -> bean(OperatorAssignment.class).assign(APPROVER, deploymentId, List.of(usernames)));
    }

    public static AlertView alert(DeploymentView active) {
        UUID entry = await(() -> bean(WatchlistService.class).get(APPROVER, active.id())).entries().get(0).id();
        return await(() -> bean(AlertRecorder.class).raise(new NewAlert(active.id(), active.cameras().get(0).id(),
                entry, 0.9, now(), TINY_JPEG, "image/jpeg")));
    }

    /**
     * An ACTIVE deployment drafted and started by {@code officer} with one camera (signed) and the given subjects
     * enrolled from real photos ({@code subject -> path under ../shared/eval}); with none, one entry without image.
     * Returns once a stream camera's worker runs (a push camera's worker starts with its first frame).
     */
    public static DeploymentView activeWith(Actor officer, CameraInput camera, java.util.Map<String, String> enrol) {
        DeploymentView draft = draft(officer);
        DeploymentView d = await(() -> bean(DeploymentDrafting.class).addCamera(officer, draft.id(), camera));
        sign(officer, d.cameras().get(0).id());
        if (enrol.isEmpty()) {
            entry(officer, d.id(), false);
        }
        enrol.forEach((subject, image) -> {
            UUID entry = await(() -> bean(WatchlistService.class).propose(officer, d.id(), new WatchlistEntryInput(
                    subject, WatchlistCategory.WANTED_BY_COURT, "Test warrant", "Public photograph",
                    LocalDate.now().minusMonths(1), "Enrolled for a recognition test", false))).id();
            await(() -> bean(EnrolmentService.class).storeImage(officer, entry, SharedEval.bytes(image)));
        });
        await(() -> bean(WatchlistService.class).approve(APPROVER, d.id()));
        await(() -> bean(DeploymentDrafting.class).submit(officer, d.id()));
        await(() -> bean(DeploymentService.class).authorise(APPROVER, d.id(), "Recognition test"));
        DeploymentView started = await(() -> bean(DeploymentService.class).start(officer, d.id()));
        if (!camera.pushMode()) {
            worker(d.cameras().get(0).id());
        }
        return started;
    }

    /** The deployment as the API shows it. */
    public static DeploymentView deployment(UUID id) {
        return await(() -> bean(DeploymentQueries.class).get(id));
    }

    /** The alerts of a deployment as {@code reader} may see them. */
    public static List<AlertView> alerts(Actor reader, UUID deploymentId) {
        return await(() -> bean(AlertQueries.class).page(reader, new org.lfr.alert.AlertFilter(deploymentId, null, null,
                null, null, null, null), new org.lfr.common.paging.PageRequest(org.lfr.common.paging.PageRequest.MAX_SIZE,
                        null, null, null))).edges().stream().map(org.lfr.alert.AlertConnection.Edge::node).toList();
    }

    /** The running worker of a camera, waiting up to 10 s for it to start. */
    public static org.lfr.recognition.runtime.CameraWorker worker(UUID cameraId) {
        var recognition = bean(org.lfr.recognition.runtime.CameraSupervisor.class);
        for (int i = 0; i < 100 && recognition.worker(cameraId).isEmpty(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return recognition.worker(cameraId).orElseThrow(() -> new AssertionError("no worker for camera " + cameraId));
    }

    public static NoticeInput notice() {
        return new NoticeInput(List.of(NoticeChannel.WEB_PAGE, NoticeChannel.LEAFLET), "Cardiff city centre",
                "Live facial recognition will be used on the high street on market day.", "Met residents' group");
    }

    public static void publishNotice(UUID deploymentId) {
        await(() -> bean(NoticeService.class).publish(APPROVER, deploymentId, notice()));
    }
}
