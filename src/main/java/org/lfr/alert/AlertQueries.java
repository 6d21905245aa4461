package org.lfr.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.NotFoundException;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.persistence.OwnSession;
import org.lfr.watchlist.EntryRef;
import org.lfr.watchlist.WatchlistQueries;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reading alerts: officers those of deployments they operate, supervisors and the DPO all. */
@ApplicationScoped
public class AlertQueries {

    public record CropContent(byte[] content, String contentType) {
    }

    private final AuditedChange audited;
    private final DeploymentQueries deployments;
    private final WatchlistQueries watchlists;

    AlertQueries(AuditedChange audited, DeploymentQueries deployments, WatchlistQueries watchlists) {
        this.audited = audited;
        this.deployments = deployments;
        this.watchlists = watchlists;
    }

    @OwnSession
    public Uni<List<AlertView>> list(Actor actor, UUID deploymentId) {
        return readable(actor, deploymentId)
                .chain(() -> Alert.<Alert>list("deploymentId = ?1 order by occurredAt", deploymentId))
                .chain(this::views);
    }

    /** Fails unless {@code actor} may read the deployment's alerts (the subscription's check). */
    @OwnSession
    public Uni<Void> requireReadable(Actor actor, UUID deploymentId) {
        return readable(actor, deploymentId);
    }

    /** Viewing a passer-by's face crop is audited. */
    public Uni<CropContent> readCrop(Actor actor, UUID alertId) {
        return audited.run(actor, AuditAction.ALERT_CROP_READ, AuditSubject.ALERT, alertId, () -> require(alertId)
                .call(a -> readable(actor, a.deploymentId))
                .chain(a -> AlertCrop.<AlertCrop>findById(alertId))
                .onItem().ifNull().failWith(() -> new NotFoundException("crop of alert", alertId))
                .map(crop -> Audited.of(new CropContent(crop.content, crop.contentType), alertId, Map.of())));
    }

    /** An alert with when it was committed, for subscribers. */
    public record Recorded(AlertView view, java.time.Instant recordedAt) {
    }

    @OwnSession
    Uni<java.util.Optional<Recorded>> recorded(UUID alertId) {
        return Alert.<Alert>findById(alertId).chain(a -> a == null ? Uni.createFrom().item(java.util.Optional.empty())
                : view(a).map(v -> java.util.Optional.of(new Recorded(v, a.recordedAt))));
    }

    /** Alerts committed at or after {@code since}, in commit order (a replica catching up on missed notifications). */
    @OwnSession
    Uni<List<Recorded>> recordedSince(java.time.Instant since) {
        return Alert.<Alert>list("recordedAt >= ?1 order by seq", since).chain(alerts -> views(alerts)
                .map(views -> java.util.stream.IntStream.range(0, alerts.size())
                        .mapToObj(i -> new Recorded(views.get(i), alerts.get(i).recordedAt)).toList()));
    }

    /** A deployment's alerts counted by adjudication and outcome (a published figure), in the caller's session. */
    public Uni<AlertStatistics> statistics(UUID deploymentId) {
        return Alert.<Alert>list("deploymentId", deploymentId).map(AlertStatistics::of);
    }

    static Uni<Alert> require(UUID id) {
        return Alert.<Alert>findById(id).onItem().ifNull().failWith(() -> new NotFoundException("alert", id));
    }

    Uni<AlertView> view(Alert a) {
        return views(List.of(a)).map(list -> list.get(0));
    }

    private Uni<Void> readable(Actor actor, UUID deploymentId) {
        return deployments.summary(deploymentId).invoke(d -> d.requireReadableBy(actor)).replaceWithVoid();
    }

    private Uni<List<AlertView>> views(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> alertIds = alerts.stream().map(a -> a.id).toList();
        return watchlists.entries(alerts.stream().map(a -> a.watchlistEntryId).distinct().toList())
                .chain(entries -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("select alert_id from alert_crop where alert_id in (:ids)",
                                UUID.class).setParameter("ids", alertIds).getResultList())
                        .map(withCrop -> alerts.stream().map(a -> AlertView.of(a, subject(entries, a),
                                withCrop.contains(a.id))).toList()));
    }

    private static String subject(Map<UUID, EntryRef> entries, Alert a) {
        EntryRef e = entries.get(a.watchlistEntryId);
        return e == null ? null : e.subjectReference();
    }
}
