package org.lfr.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lfr.common.NotFoundException;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

// Only the columns a change touched are written: faces_processed is added to by FaceCount's own SQL while the entity
// may be loaded elsewhere (the false-alert check), and writing every column back would undo those additions.
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "deployment")
public class Deployment extends PanacheEntityBase {

    @Id
    public UUID id;
    public String reference;
    public String purpose;
    @Column(name = "location_name")
    public String locationName;
    public double latitude;
    public double longitude;
    @Column(name = "area_description")
    public String areaDescription;
    @Column(name = "location_rationale")
    public String locationRationale;
    @Column(name = "planned_start")
    public Instant plannedStart;
    @Column(name = "planned_end")
    public Instant plannedEnd;
    @Column(name = "dpia_reference")
    public String dpiaReference;
    @Column(name = "equality_impact_reference")
    public String equalityImpactReference;
    @Column(name = "match_threshold")
    public double matchThreshold;
    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "authorised_by")
    public String authorisedBy;
    @Column(name = "authorised_at")
    public Instant authorisedAt;
    /** A written "critical threat" reason that waives the community-notice lead time; set at authorisation. */
    @Column(name = "notice_exemption_reason")
    public String noticeExemptionReason;
    /** Why it was rejected, cancelled or suspended. */
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "started_by")
    public String startedBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    /** The officers assigned to operate it ({@link Operators}); replaced whole, never changed in place. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> operators = List.of();
    /** Why the service itself holds it PAUSED ("restored from backup"): only a supervisor resumes or stops it. */
    @Column(name = "hold_reason")
    public String holdReason;
    @Column(name = "faces_processed")
    public long facesProcessed;
    /** The drafter's expected footfall (faces an hour), or null: the basis of the expected false alerts. */
    @Column(name = "expected_faces_per_hour")
    public Integer expectedFacesPerHour;
    /** The false alerts the live check was last told of ({@link FalseAlertCheck}). */
    @Column(name = "false_alerts_observed")
    public long falseAlertsObserved;
    /** The check counts from these (0, or the counts when a supervisor resumed it after the check paused it). */
    @Column(name = "false_alert_check_from_alerts")
    public long falseAlertCheckFromAlerts;
    @Column(name = "false_alert_check_from_faces")
    public long falseAlertCheckFromFaces;
    /** When the check found observed false alerts significantly above the calibrated rate; null: not (yet). */
    @Column(name = "false_alert_excess_at")
    public Instant falseAlertExcessAt;
    @Version
    public int version;

    public DeploymentSummary summary() {
        return new DeploymentSummary(id, reference, status, createdBy, startedBy, new Operators(operators),
                matchThreshold, plannedStart, plannedEnd, endedAt);
    }

    /** The deployment, or a {@link NotFoundException} (the API's {@code not-found}). */
    static Uni<Deployment> require(UUID id) {
        return Deployment.<Deployment>findById(id).onItem().ifNull().failWith(() -> new NotFoundException("deployment", id));
    }
}
