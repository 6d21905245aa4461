package org.lfr.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.audit.AuditService;
import org.lfr.common.Actor;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.retention.RetentionViews.Purge;
import org.lfr.retention.RetentionViews.Run;
import org.lfr.retention.RetentionViews.Status;
import org.lfr.retention.RetentionViews.WatchlistDue;
import org.lfr.watchlist.Watchlist;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Deletes what may no longer be kept: a finished deployment's enrolment images and embeddings (its entries'
 * metadata stays for the record), and alerts older than the retention period unless a legal hold exists.
 */
@ApplicationScoped
public class RetentionService {

    @Inject
    Clock clock;
    @Inject
    RetentionConfig config;
    @Inject
    AuditService audit;

    public Uni<Run> run(Actor actor) {
        return purgeWatchlists(actor).chain(w -> expireAlerts(actor)
                .map(alerts -> new Run(w.watchlistsPurged(), w.enrolmentImagesPurged(), w.embeddingsPurged(), alerts)));
    }

    public Uni<Run> purgeWatchlists(Actor actor) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select w.deployment_id from watchlist w join deployment d on d.id = w.deployment_id"
                        + " where w.purged_at is null and d.status in (:ended)", UUID.class)
                .setParameter("ended", DeploymentStatus.ENDED.stream().map(Enum::name).toList())
                .getResultList()))
                .chain(ids -> {
                    Uni<Run> total = Uni.createFrom().item(new Run(0, 0, 0, 0));
                    for (UUID id : ids) {
                        total = total.chain(sum -> purgeWatchlist(actor, id).map(one -> new Run(
                                sum.watchlistsPurged() + 1, sum.enrolmentImagesPurged() + one.enrolmentImagesPurged(),
                                sum.embeddingsPurged() + one.embeddingsPurged(), 0)));
                    }
                    return total;
                });
    }

    /** One deployment at a time, each in its own transaction, so one failure does not hold back the others. */
    private Uni<Run> purgeWatchlist(Actor actor, UUID deploymentId) {
        Instant now = now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from enrolment_image where watchlist_entry_id in"
                        + " (select id from watchlist_entry where deployment_id = :d)")
                .setParameter("d", deploymentId).executeUpdate()
                .chain(images -> s.createNativeQuery("delete from enrolment_embedding where watchlist_entry_id in"
                        + " (select id from watchlist_entry where deployment_id = :d)")
                        .setParameter("d", deploymentId).executeUpdate()
                        .chain(embeddings -> s.createNativeQuery("update watchlist_entry set image_purged_at = :now"
                                + " where deployment_id = :d and image_purged_at is null")
                                .setParameter("now", now).setParameter("d", deploymentId).executeUpdate()
                                .chain(() -> Watchlist.<Watchlist>findById(deploymentId))
                                .invoke(w -> w.purgedAt = now)
                                .chain(() -> log("WATCHLIST_BIOMETRICS", deploymentId, images + embeddings, actor, now))
                                .chain(() -> audit.record(actor, "WATCHLIST_PURGED", "deployment", deploymentId,
                                        Map.of("enrolmentImages", images, "embeddings", embeddings)))
                                .replaceWith(new Run(1, images, embeddings, 0))))));
    }

    public Uni<Integer> expireAlerts(Actor actor) {
        Instant now = now();
        Instant cutoff = now.minus(config.alertRetention());
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from alert where occurred_at < :cutoff and legal_hold_reason is null")
                .setParameter("cutoff", cutoff).executeUpdate())
                .call(n -> n == 0 ? Uni.createFrom().voidItem()
                        : log("ALERTS_EXPIRED", null, n, actor, now)
                                .chain(() -> audit.record(actor, "ALERTS_EXPIRED", "alert", null,
                                        Map.of("deleted", n, "occurredBefore", cutoff.toString())))
                                .replaceWithVoid()));
    }

    public Uni<Status> status() {
        Instant now = now();
        Instant cutoff = now.minus(config.alertRetention());
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select d.id, d.reference, d.ended_at from watchlist w join deployment d on d.id = w.deployment_id"
                        + " where w.purged_at is null and d.status in (:ended) order by d.ended_at", Object[].class)
                .setParameter("ended", DeploymentStatus.ENDED.stream().map(Enum::name).toList())
                .getResultList()
                .map(rows -> rows.stream().map(r -> {
                    Instant ended = toInstant(r[2]);
                    Instant deadline = ended == null ? now : ended.plus(config.watchlistPurgeDeadline());
                    return new WatchlistDue((UUID) r[0], (String) r[1], ended, deadline, now.isAfter(deadline));
                }).toList())
                .chain(due -> s.createNativeQuery("select"
                        + " count(*) filter (where occurred_at < :cutoff and legal_hold_reason is null),"
                        + " count(*) filter (where legal_hold_reason is not null), count(*) from alert", Object[].class)
                        .setParameter("cutoff", cutoff).getSingleResult()
                        .chain(counts -> PurgeLog.<PurgeLog>find("order by purgedAt desc").page(0, 50).list()
                                .map(purges -> new Status(now, due, ((Number) counts[0]).longValue(),
                                        ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue(),
                                        purges.stream().map(p -> new Purge(p.id, p.kind, p.deploymentId, p.items,
                                                p.purgedAt, p.triggeredBy)).toList()))))));
    }

    private Uni<Void> log(String kind, UUID deploymentId, int items, Actor actor, Instant now) {
        PurgeLog p = new PurgeLog();
        p.id = UUID.randomUUID();
        p.kind = kind;
        p.deploymentId = deploymentId;
        p.items = items;
        p.purgedAt = now;
        p.triggeredBy = actor.username();
        return p.persist().replaceWithVoid();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
