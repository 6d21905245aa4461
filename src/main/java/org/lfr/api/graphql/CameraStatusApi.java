package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.time.Clock;
import java.time.Duration;
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
import org.lfr.recognition.runtime.CameraStates;
import org.lfr.security.CurrentActor;

import io.smallrye.mutiny.Uni;

/**
 * What the people running a deployment watch: each camera's state (from the replica analysing it, whichever replica
 * answers: {@link CameraStates}), and the start gate as a checklist.
 */
@GraphQLApi
public class CameraStatusApi {

    private final CameraStates states;
    private final DeploymentReadiness readiness;
    private final Clock clock;
    private final CurrentActor actor;

    CameraStatusApi(CameraStates states, DeploymentReadiness readiness, Clock clock, CurrentActor actor) {
        this.states = states;
        this.readiness = readiness;
        this.clock = clock;
        this.actor = actor;
    }

    @Type("CameraStatus")
    @Description("A camera as the replica analysing it sees it, whichever replica answers. RUNNING, WAITING (no frame"
            + " yet), STOPPED; FAILED: it could not start (see problem); STALE: its replica's reports stopped coming"
            + " (the last one is shown, `reportedAgeSeconds` old); NOT_ANALYSED: no replica analyses it (the"
            + " deployment is not active, or a push camera has had no frame yet).")
    public record CameraStatus(@NonNull String state,
            @Description("Why the camera is not analysed (FAILED), in words; null otherwise.") String problem,
            @Description("Frames analysed per second, recently.") double analysedFps,
            @Description("Frames dropped because analysis was busy (the newest frame is always kept).") long droppedFrames,
            long reconnects,
            @Description("Seconds since the last frame arrived; null before the first.") Long lastFrameAgeSeconds,
            @Description("The replica analysing it (its host name); null when none does.") String analysedBy,
            @Description("How old these figures are: 0 when the replica answering analyses the camera, else the age"
                    + " of its replica's last report (written every few seconds).") long reportedAgeSeconds) {
    }

    @Description("The camera's live state, from the replica that analyses it.")
    @RolesAllowed({OFFICER, SUPERVISOR, DPO})
    public Uni<@NonNull CameraStatus> status(@Source CameraView camera) {
        return states.state(camera.id()).map(s -> new CameraStatus(s.state(), s.problem(), s.analysedFps(),
                s.droppedFrames(), s.reconnects(), s.lastFrameAt() == null ? null
                        : Math.max(0, Duration.between(s.lastFrameAt(), clock.instant()).toSeconds()),
                s.analysedBy(), s.reportedAgeSeconds()));
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
