package org.lfr.alert;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.audit.AuditService;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;
import org.lfr.common.InputValidation;
import org.lfr.common.InvalidInputException;
import org.lfr.common.NotFoundException;
import org.lfr.deployment.Camera;
import org.lfr.deployment.Deployment;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.watchlist.WatchlistEntry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Alerts: raised only by the recognition pipeline, adjudicated by an officer, held or expired by rule. */
@ApplicationScoped
public class AlertService {

    @Inject
    Clock clock;
    @Inject
    InputValidation validation;
    @Inject
    AuditService audit;
    @Inject
    AlertEvents events;

    public record CropContent(byte[] content, String contentType) {
    }

    /** The pipeline's entry point. Refused unless the deployment is ACTIVE and the match clears its threshold. */
    public Uni<AlertView> raise(NewAlert alert) {
        InputValidation.require(alert.crop() != null && alert.crop().length > 0 && alert.cropContentType() != null,
                "crop: an alert keeps the probe crop that caused it");
        return Panache.withTransaction(() -> Deployment.require(alert.deploymentId())
                .chain(d -> {
                    if (d.status != DeploymentStatus.ACTIVE) {
                        throw new ConflictException("deployment " + d.reference + " is " + d.status
                                + ": only an ACTIVE deployment raises alerts");
                    }
                    if (alert.similarity() < d.matchThreshold || alert.similarity() > 1.0001) {
                        throw new InvalidInputException("similarity " + alert.similarity()
                                + " is outside the deployment's threshold " + d.matchThreshold + "..1");
                    }
                    return Camera.<Camera>findById(alert.cameraId()).chain(camera -> WatchlistEntry
                            .<WatchlistEntry>findById(alert.watchlistEntryId()).chain(entry -> {
                                if (camera == null || !camera.deploymentId.equals(d.id)) {
                                    throw new InvalidInputException("camera is not part of deployment " + d.reference);
                                }
                                if (entry == null || !entry.deploymentId.equals(d.id)) {
                                    throw new InvalidInputException("entry is not on deployment " + d.reference
                                            + "'s watchlist");
                                }
                                Alert a = new Alert();
                                a.id = UUID.randomUUID();
                                a.deploymentId = d.id;
                                a.cameraId = camera.id;
                                a.watchlistEntryId = entry.id;
                                a.similarity = alert.similarity();
                                a.occurredAt = (alert.occurredAt() == null ? clock.instant() : alert.occurredAt())
                                        .truncatedTo(ChronoUnit.MICROS);
                                AlertCrop crop = new AlertCrop();
                                crop.alertId = a.id;
                                crop.content = alert.crop();
                                crop.contentType = alert.cropContentType();
                                return a.persist().chain(() -> crop.persist())
                                        .chain(() -> audit.record(Actor.SYSTEM, "ALERT_RAISED", "alert", a.id,
                                                Map.of("deployment", d.id.toString(), "camera", camera.name,
                                                        "similarity", a.similarity)))
                                        .replaceWith(AlertView.of(a, entry.subjectReference, true));
                            }));
                })).invoke(events::publish);
    }

    public Uni<List<AlertView>> list(Actor actor, UUID deploymentId) {
        return Panache.withSession(() -> deploymentReadableBy(actor, deploymentId)
                .chain(d -> Alert.<Alert>list("deploymentId = ?1 order by occurredAt", deploymentId))
                .chain(this::views));
    }

    public Uni<AlertView> adjudicate(Actor actor, AdjudicationInput input) {
        validation.check(input);
        if (input.outcome() != null && input.adjudication() != Adjudication.CONFIRMED_MATCH) {
            throw new InvalidInputException("outcome: only a CONFIRMED_MATCH has an outcome");
        }
        return Panache.withTransaction(() -> alert(input.alertId()).chain(a -> Deployment.<Deployment>findById(a.deploymentId)
                .chain(d -> {
                    if (!d.isOperatedBy(actor.username())) {
                        throw new ForbiddenException("you do not operate deployment " + d.reference);
                    }
                    if (a.adjudication != null) {
                        throw new ConflictException("alert " + a.id + " was already adjudicated by " + a.adjudicatedBy);
                    }
                    a.adjudication = input.adjudication();
                    a.adjudicatedBy = actor.username();
                    a.adjudicatedAt = now();
                    a.outcome = input.outcome();
                    a.outcomeNotes = input.notes();
                    Map<String, Object> details = new HashMap<>();
                    details.put("adjudication", a.adjudication.name());
                    details.put("outcome", a.outcome == null ? "NONE" : a.outcome.name());
                    return audit.record(actor, "ALERT_ADJUDICATED", "alert", a.id, details).replaceWith(a);
                }))).chain(a -> Panache.withSession(() -> view(a)));
    }

    public Uni<AlertView> placeLegalHold(Actor actor, UUID alertId, String reason) {
        InputValidation.require(reason != null && !reason.isBlank() && reason.length() <= 2000,
                "reason: must be 1 to 2000 characters");
        return Panache.withTransaction(() -> alert(alertId).chain(a -> {
            if (a.legalHoldReason != null) {
                throw new ConflictException("alert " + alertId + " is already on legal hold");
            }
            a.legalHoldReason = reason;
            a.legalHoldBy = actor.username();
            a.legalHoldAt = now();
            return audit.record(actor, "LEGAL_HOLD_PLACED", "alert", a.id, Map.of("reason", reason)).replaceWith(a);
        })).chain(a -> Panache.withSession(() -> view(a)));
    }

    public Uni<AlertView> releaseLegalHold(Actor actor, UUID alertId) {
        return Panache.withTransaction(() -> alert(alertId).chain(a -> {
            if (a.legalHoldReason == null) {
                throw new ConflictException("alert " + alertId + " is not on legal hold");
            }
            a.legalHoldReason = null;
            a.legalHoldBy = null;
            a.legalHoldAt = null;
            return audit.record(actor, "LEGAL_HOLD_RELEASED", "alert", a.id, Map.of()).replaceWith(a);
        })).chain(a -> Panache.withSession(() -> view(a)));
    }

    /** Viewing a passer-by's face crop is audited; officers only for deployments they operate. */
    public Uni<CropContent> readCrop(Actor actor, UUID alertId) {
        return Panache.withTransaction(() -> alert(alertId)
                .call(a -> deploymentReadableBy(actor, a.deploymentId))
                .chain(a -> AlertCrop.<AlertCrop>findById(alertId))
                .onItem().ifNull().failWith(() -> new NotFoundException("crop of alert", alertId))
                .call(crop -> audit.record(actor, "ALERT_CROP_READ", "alert", alertId, Map.of()))
                .map(crop -> new CropContent(crop.content, crop.contentType)));
    }

    /** Officers see the alerts of deployments they operate; supervisors and the DPO see all. */
    public Uni<Deployment> deploymentReadableBy(Actor actor, UUID deploymentId) {
        return Deployment.require(deploymentId)
                .invoke(d -> {
                    if (!actor.isSupervisor() && !actor.isDpo() && !d.isOperatedBy(actor.username())) {
                        throw new ForbiddenException("you do not operate deployment " + d.reference);
                    }
                });
    }

    private Uni<Alert> alert(UUID id) {
        return Alert.<Alert>findById(id).onItem().ifNull().failWith(() -> new NotFoundException("alert", id));
    }

    private Uni<AlertView> view(Alert a) {
        return views(List.of(a)).map(list -> list.get(0));
    }

    private Uni<List<AlertView>> views(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> entryIds = alerts.stream().map(a -> a.watchlistEntryId).distinct().toList();
        List<UUID> alertIds = alerts.stream().map(a -> a.id).toList();
        return WatchlistEntry.<WatchlistEntry>list("id in ?1", entryIds).chain(entries -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select alert_id from alert_crop where alert_id in (:ids)", UUID.class)
                        .setParameter("ids", alertIds).getResultList())
                .map(withCrop -> {
                    Map<UUID, String> refs = new HashMap<>();
                    entries.forEach(e -> refs.put(e.id, e.subjectReference));
                    return alerts.stream().map(a -> AlertView.of(a, refs.get(a.watchlistEntryId),
                            withCrop.contains(a.id))).toList();
                }));
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
