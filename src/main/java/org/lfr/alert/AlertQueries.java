package org.lfr.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.InputValidation;
import org.lfr.common.NotFoundException;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageRequest;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.persistence.OwnSession;
import org.lfr.persistence.Where;
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

    /**
     * A page of alerts in the order they were recorded ({@code seq}): forwards after a cursor (a client catching up
     * on what it missed), or the last ones (a dashboard's newest). Officers see deployments they operate only.
     */
    @OwnSession
    public Uni<AlertConnection> page(Actor actor, AlertFilter filter, PageRequest request) {
        AlertFilter f = filter == null ? AlertFilter.ALL : filter;
        InputValidation.require(f.from() == null || f.to() == null || f.from().isBefore(f.to()), "filter.to",
                "must be after filter.from");
        InputValidation.require(f.pending() == null || !f.pending() || (f.adjudication() == null && f.outcome() == null),
                "filter.pending", "pending alerts have no adjudication or outcome yet");
        Long cursor = request.decodeSeq();
        Uni<Optional<List<UUID>>> scope = f.deploymentId() != null
                ? readable(actor, f.deploymentId()).replaceWith(Optional.empty())
                : actor.isSupervisor() || actor.isDpo() ? Uni.createFrom().item(Optional.empty())
                        : deployments.operatedBy(actor.username()).map(Optional::of);
        return scope.chain(operated -> {
            if (operated.isPresent() && operated.get().isEmpty()) {
                return Uni.createFrom().item(AlertConnection.of(Page.of(request, List.<AlertView>of(), v -> ""), 0));
            }
            Where where = matching(f, operated).and(request.backwards() ? "seq < :cursor" : "seq > :cursor", "cursor",
                    cursor);
            Where all = matching(f, operated);
            // one reactive session runs one query at a time: the page, then the count of all that match
            return Alert.<Alert>find(where.orderBy(request.backwards() ? "seq desc" : "seq"), where.parameters())
                    .page(0, request.size() + 1).list().chain(rows -> Alert.count(all.clause(), all.parameters())
                            .chain(total -> {
                                Page<Alert> page = Page.of(request, rows, a -> String.valueOf(a.seq));
                                return views(page.items()).map(views -> AlertConnection.of(page.map(items -> views),
                                        total));
                            }));
        });
    }

    /** The filter's conditions, without the cursor: what a page reads from and what {@code totalCount} counts. */
    private static Where matching(AlertFilter f, Optional<List<UUID>> operated) {
        return new Where()
                .and("deploymentId = :deployment", "deployment", f.deploymentId())
                .and("deploymentId in :operated", "operated", operated.orElse(null))
                .and("cameraId = :camera", "camera", f.cameraId())
                .andIf(Boolean.TRUE.equals(f.pending()), "adjudication is null")
                .andIf(Boolean.FALSE.equals(f.pending()), "adjudication is not null")
                .and("adjudication = :adjudication", "adjudication", f.adjudication())
                .and("outcome = :outcome", "outcome", f.outcome())
                .and("occurredAt >= :from", "from", f.from())
                .and("occurredAt < :to", "to", f.to());
    }

    /** One alert, if the caller may read its deployment's alerts. */
    @OwnSession
    public Uni<AlertView> get(Actor actor, UUID alertId) {
        return require(alertId).call(a -> readable(actor, a.deploymentId)).chain(this::view);
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

    /** Alerts decided at or after {@code since}, in the order decided (a replica catching up on missed decisions). */
    @OwnSession
    Uni<List<AlertView>> decidedSince(java.time.Instant since) {
        return Alert.<Alert>list("adjudicatedAt >= ?1 order by adjudicatedAt", since).chain(this::views);
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
