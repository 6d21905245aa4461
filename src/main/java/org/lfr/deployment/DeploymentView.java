package org.lfr.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Deployment")
public record DeploymentView(@Id @NonNull UUID id, String reference, String purpose, String locationName, double latitude,
        double longitude, String areaDescription, String locationRationale, Instant plannedStart, Instant plannedEnd,
        String dpiaReference, String equalityImpactReference, double matchThreshold, DeploymentStatus status,
        String createdBy,
        @Description("The officers assigned to operate it: only they start, pause, stop, push frames, record signs,"
                + " leaflets and notices, edit its watchlist and read its alerts (supervisors and the DPO besides).")
        @NonNull List<@NonNull String> operators,
        Instant createdAt, String submittedBy, Instant submittedAt, String authorisedBy,
        Instant authorisedAt, String noticeExemptionReason,
        @Description("The critical-threat exemption from the community-notice lead time, recorded at authorisation"
                + " (null when none was): shown as such wherever the deployment is.") NoticeExemption noticeExemption,
        String decisionReason, String startedBy,
        Instant startedAt, Instant endedAt, long facesProcessed, List<CameraView> cameras,
        @Description("Why the service holds it PAUSED (\"restored from backup\"): only a supervisor may resume or stop it.")
        String holdReason) {

    @Type("NoticeExemption")
    @Description("A critical-threat exemption from the notice lead time: who recorded it, when, and why.")
    public record NoticeExemption(@NonNull Instant recordedAt, @NonNull String recordedBy, @NonNull String reason) {
    }

    static DeploymentView of(Deployment d, List<Camera> cameras) {
        return new DeploymentView(d.id, d.reference, d.purpose, d.locationName, d.latitude, d.longitude,
                d.areaDescription, d.locationRationale, d.plannedStart, d.plannedEnd, d.dpiaReference,
                d.equalityImpactReference, d.matchThreshold, d.status, d.createdBy, d.operators, d.createdAt, d.submittedBy,
                d.submittedAt, d.authorisedBy, d.authorisedAt, d.noticeExemptionReason,
                d.noticeExemptionReason == null ? null
                        : new NoticeExemption(d.authorisedAt, d.authorisedBy, d.noticeExemptionReason),
                d.decisionReason,
                d.startedBy, d.startedAt, d.endedAt, d.facesProcessed, cameras.stream().map(CameraView::of).toList(),
                DeploymentHold.isHeld(d) ? d.holdReason : null);
    }
}
