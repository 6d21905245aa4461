package org.lfr.alert;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.InputValidation;
import org.lfr.common.InvalidInputException;
import org.lfr.common.Now;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.watchlist.WatchlistQueries;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Alerts are raised only by the recognition pipeline, and only for an ACTIVE deployment above its threshold. */
@ApplicationScoped
public class AlertRecorder {

    private final Now now;
    private final AuditedChange audited;
    private final DeploymentQueries deployments;
    private final WatchlistQueries watchlists;
    private final AlertEvents events;
    private final AlertQueries queries;

    AlertRecorder(Now now, AuditedChange audited, DeploymentQueries deployments, WatchlistQueries watchlists,
            AlertEvents events, AlertQueries queries) {
        this.now = now;
        this.audited = audited;
        this.deployments = deployments;
        this.watchlists = watchlists;
        this.events = events;
        this.queries = queries;
    }

    /**
     * Commits the alert, its crop and its audit event, and announces it to every replica's subscribers. An alert whose
     * idempotency key is already committed (a retry after a fault hid the first commit's success) is not raised
     * again: the committed one is returned.
     */
    public Uni<AlertView> raise(NewAlert alert) {
        InputValidation.require(alert.crop() != null && alert.crop().length > 0 && alert.cropContentType() != null,
                "crop", "an alert keeps the probe crop that caused it");
        Uni<Alert> committed = alert.idempotencyKey() == null ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> Alert.<Alert>find("idempotencyKey", alert.idempotencyKey()).firstResult());
        return committed.chain(existing -> existing != null
                ? Panache.withSession(() -> queries.view(existing)) : insert(alert));
    }

    private Uni<AlertView> insert(NewAlert alert) {
        return audited.run(Actor.SYSTEM, AuditAction.ALERT_RAISED, AuditSubject.ALERT, null, () -> deployments
                .summary(alert.deploymentId()).chain(d -> {
                    if (d.status() != DeploymentStatus.ACTIVE) {
                        throw new ConflictException("deployment " + d.reference() + " is " + d.status()
                                + ": only an ACTIVE deployment raises alerts");
                    }
                    if (alert.similarity() < d.matchThreshold() || alert.similarity() > 1.0001) {
                        throw new InvalidInputException("similarity " + alert.similarity()
                                + " is outside the deployment's threshold " + d.matchThreshold() + "..1");
                    }
                    return deployments.camera(alert.cameraId()).chain(camera -> watchlists.entry(alert.watchlistEntryId())
                            .chain(entry -> {
                                if (camera.isEmpty() || !camera.get().deploymentId().equals(d.id())) {
                                    throw new InvalidInputException("camera is not part of deployment " + d.reference());
                                }
                                if (entry.isEmpty() || !entry.get().deploymentId().equals(d.id())) {
                                    throw new InvalidInputException("entry is not on deployment " + d.reference()
                                            + "'s watchlist");
                                }
                                Alert a = new Alert();
                                a.id = UUID.randomUUID();
                                a.deploymentId = d.id();
                                a.cameraId = camera.get().id();
                                a.watchlistEntryId = entry.get().id();
                                a.similarity = alert.similarity();
                                a.occurredAt = alert.occurredAt() == null ? now.instant()
                                        : alert.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                                a.recordedAt = now.instant();
                                a.idempotencyKey = alert.idempotencyKey();
                                AlertCrop crop = new AlertCrop();
                                crop.alertId = a.id;
                                crop.content = alert.crop();
                                crop.contentType = alert.cropContentType();
                                return a.persistAndFlush().chain(() -> crop.persist()).call(() -> events.announce(a.id))
                                        .replaceWith(Audited.of(
                                        AlertView.of(a, entry.get().subjectReference(), true), a.id,
                                        Map.of("deployment", d.id().toString(), "camera", camera.get().name(),
                                                "similarity", a.similarity)));
                            }));
                }));
    }
}
