package org.lfr.deployment;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.Await;
import org.lfr.persistence.DatabaseNotifications;
import org.lfr.persistence.ReplicaBroadcast;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The live notice to supervisors that a deployment's false alerts are significantly above the calibrated rate, on every
 * replica whichever one found it (database {@code NOTIFY} once the verdict commits, as {@link DeploymentEvents}).
 */
@ApplicationScoped
public class FalseAlertNotices {

    static final String KIND = "false-alert-excess";

    /** What a supervisor is told. */
    @Type("FalseAlertNotice")
    @Description("A deployment whose observed false alerts are significantly above the calibrated rate.")
    public record Notice(@Id @NonNull UUID deploymentId, @NonNull String reference, long observed, long facesProcessed,
            Double expected, Instant decidedAt,
            @Description("Whether the service paused it (policy lfr.governance.pause-on-excess-false-alerts).")
            boolean paused, @NonNull String sentence) {
    }

    private final ReplicaBroadcast<Notice> notices;
    private final DeploymentQueries queries;
    /** Looked up when a notice is read: the check announces through this class, so neither is built before the other. */
    private final Instance<FalseAlertCheck> check;

    FalseAlertNotices(DatabaseNotifications notifications, DeploymentQueries queries, Instance<FalseAlertCheck> check) {
        this.queries = queries;
        this.check = check;
        this.notices = new ReplicaBroadcast<>(notifications, KIND, this::read);
    }

    /** In the caller's transaction: every replica's subscribers are told once it commits. */
    Uni<Void> announce(UUID deploymentId) {
        return notices.announce(deploymentId);
    }

    public Multi<Notice> stream() {
        return notices.stream();
    }

    private Notice read(UUID id) {
        DeploymentView d = Await.result(() -> queries.get(id));
        FalseAlertCheckView c = check.get().view(d, 0);
        boolean held = d.status() == DeploymentStatus.PAUSED && d.holdReason() != null;
        return new Notice(d.id(), d.reference(), c.observed(), c.facesProcessed(), c.expected(), c.decidedAt(), held,
                String.format(java.util.Locale.UK, "Deployment %s: %d false alerts in %,d faces, where about %.1f were"
                        + " expected at the calibrated rate of %s: significantly more than promised.%s", d.reference(),
                        c.observed(), c.facesProcessed(), c.expected() == null ? 0 : c.expected(), c.group(),
                        held ? " The service has paused it: a supervisor resumes it with a reason, or stops it." : ""));
    }
}
