package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.deployment.CameraView;
import org.lfr.deployment.DeploymentReadiness;
import org.lfr.recognition.runtime.CameraSupervisor;
import org.lfr.recognition.runtime.CameraWorker;
import org.lfr.security.CurrentActor;

import io.smallrye.mutiny.Uni;

/** What the people running a deployment watch: each camera's state, and the start gate as a checklist. */
@GraphQLApi
public class CameraStatusApi {

    private final CameraSupervisor cameras;
    private final DeploymentReadiness readiness;
    private final Clock clock;
    private final CurrentActor actor;

    CameraStatusApi(CameraSupervisor cameras, DeploymentReadiness readiness, Clock clock, CurrentActor actor) {
        this.cameras = cameras;
        this.readiness = readiness;
        this.clock = clock;
        this.actor = actor;
    }

    @Type("CameraStatus")
    @Description("A camera as the replica answering sees it. NOT_HERE: it is not analysed on this replica (another"
            + " replica holds it, or the deployment is not active); FAILED: it could not start here (see problem).")
    public record CameraStatus(@NonNull String state,
            @Description("Why the camera is not analysed (FAILED), in words; null otherwise.") String problem,
            @Description("Frames analysed per second, recently.") double analysedFps,
            @Description("Frames dropped because analysis was busy (the newest frame is always kept).") long droppedFrames,
            long reconnects,
            @Description("Seconds since the last frame arrived; null before the first.") Long lastFrameAgeSeconds) {
    }

    @Description("The camera's live state, as the replica answering sees it.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public @NonNull CameraStatus status(@Source CameraView camera) {
        CameraWorker worker = cameras.workers().get(camera.id());
        if (worker == null) {
            return cameras.failure(camera.id()).map(why -> new CameraStatus("FAILED", why, 0, 0, 0, null))
                    .orElse(new CameraStatus("NOT_HERE", null, 0, 0, 0, null));
        }
        CameraWorker.Status s = worker.status();
        Instant last = s.lastFrameAt();
        return new CameraStatus(s.state(), null, s.analysedFps(), s.dropped(), s.reconnects(),
                last == null ? null : Duration.between(last, clock.instant()).toSeconds());
    }

    @Query
    @Description("The start gate of a deployment as a checklist: every rule, whether it holds now, its code and what"
            + " it asks. The same rules refuse authoriseDeployment, startDeployment and resumeDeployment.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<List<DeploymentReadiness.RuleCheck>> deploymentReadiness(@Id @NonNull String deploymentId) {
        UUID id = Ids.uuid("deploymentId", deploymentId);
        return readiness.checklist(actor.get(), id);
    }
}
