package org.lfr.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.Now;
import org.lfr.persistence.OwnSession;
import org.lfr.retention.RetentionViews.Purge;
import org.lfr.retention.RetentionViews.Run;
import org.lfr.retention.RetentionViews.Status;
import org.lfr.retention.RetentionViews.WatchlistDue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Deletes what may no longer be kept: a finished deployment's enrolment images and embeddings, and alerts older than
 * the retention period unless on legal hold. Each purge is logged and audited in its own transaction, so one failure
 * does not hold back the others; a missed run is caught up by the next.
 */
@ApplicationScoped
public class RetentionService {

    private final Now now;
    private final RetentionConfig config;
    private final AuditService audit;
    private final WatchlistPurge watchlists;
    private final AlertRetention alerts;
    /** Finished deployments whose watchlist biometrics are past the purge deadline, as of the last run. */
    private final AtomicInteger overdue = new AtomicInteger();

    RetentionService(Now now, RetentionConfig config, AuditService audit, WatchlistPurge watchlists,
            AlertRetention alerts, MeterRegistry registry) {
        this.now = now;
        this.config = config;
        this.audit = audit;
        this.watchlists = watchlists;
        this.alerts = alerts;
        Gauge.builder("lfr.retention.watchlists.overdue", overdue, AtomicInteger::get)
                .description("finished deployments whose watchlist biometrics are past the purge deadline")
                .register(registry);
    }

    /** The purge promise holds only if the job runs inside it: a configuration that breaks it does not start. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        if (config.every().compareTo(config.watchlistPurgeDeadline()) >= 0) {
            throw new IllegalStateException("lfr.retention.every (" + config.every() + ") must be shorter than"
                    + " lfr.retention.watchlist-purge-deadline (" + config.watchlistPurgeDeadline() + ")");
        }
    }

    @Scheduled(identity = "retention", every = "${lfr.retention.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> job() {
        return run(Actor.SYSTEM).eventually(this::countOverdue).replaceWithVoid();
    }

    /** What is still due after a run (one that failed included) and past its deadline: a broken promise, alerted on. */
    private Uni<Void> countOverdue() {
        Instant at = now.instant();
        return Panache.withSession(watchlists::due).invoke(due -> overdue.set((int) due(due, at).stream()
                .filter(WatchlistDue::overdue).count())).onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Run> run(Actor actor) {
        return purgeWatchlists(actor).chain(w -> expireAlerts(actor)
                .map(deleted -> new Run(w.watchlistsPurged(), w.enrolmentImagesPurged(), w.embeddingsPurged(), deleted)));
    }

    public Uni<Run> purgeWatchlists(Actor actor) {
        return Panache.withSession(watchlists::due).chain(due -> {
            Uni<Run> total = Uni.createFrom().item(new Run(0, 0, 0, 0));
            for (WatchlistPurge.Due d : due) {
                total = total.chain(sum -> purgeOne(actor, d.deploymentId()).map(one -> new Run(
                        sum.watchlistsPurged() + 1, sum.enrolmentImagesPurged() + one.enrolmentImages(),
                        sum.embeddingsPurged() + one.embeddings(), 0)));
            }
            return total;
        });
    }

    private Uni<WatchlistPurge.Purged> purgeOne(Actor actor, UUID deploymentId) {
        Instant at = now.instant();
        return Panache.withTransaction(() -> watchlists.purge(deploymentId, at)
                .call(p -> log(PurgeKind.WATCHLIST_BIOMETRICS, deploymentId, p.enrolmentImages() + p.embeddings(),
                        actor, at))
                .call(p -> audit.record(actor, AuditAction.WATCHLIST_PURGED, AuditSubject.DEPLOYMENT, deploymentId,
                        Map.of("enrolmentImages", p.enrolmentImages(), "embeddings", p.embeddings()))));
    }

    public Uni<Integer> expireAlerts(Actor actor) {
        Instant at = now.instant();
        Instant cutoff = at.minus(config.alertRetention());
        return Panache.withTransaction(() -> alerts.deleteOccurredBefore(cutoff)
                .call(n -> n == 0 ? Uni.createFrom().voidItem()
                        : log(PurgeKind.ALERTS_EXPIRED, null, n, actor, at)
                                .chain(() -> audit.record(actor, AuditAction.ALERTS_EXPIRED, AuditSubject.ALERT, null,
                                        Map.of("deleted", n, "occurredBefore", cutoff.toString())))
                                .replaceWithVoid()));
    }

    @OwnSession
    public Uni<Status> status() {
        Instant at = now.instant();
        Instant cutoff = at.minus(config.alertRetention());
        return watchlists.due().chain(due -> alerts.counts(cutoff).chain(counts -> PurgeLog.<PurgeLog>find(
                "order by purgedAt desc").page(0, 50).list().map(purges -> new Status(at, due(due, at), counts
                        .dueForDeletion(), counts.onLegalHold(), counts.retained(), purges.stream().map(p -> new Purge(
                                p.id, p.kind, p.deploymentId, p.items, p.purgedAt, p.triggeredBy)).toList()))));
    }

    private List<WatchlistDue> due(List<WatchlistPurge.Due> due, Instant at) {
        return due.stream().map(d -> {
            Instant deadline = d.endedAt() == null ? at : d.endedAt().plus(config.watchlistPurgeDeadline());
            return new WatchlistDue(d.deploymentId(), d.reference(), d.endedAt(), deadline, at.isAfter(deadline));
        }).toList();
    }

    private Uni<Void> log(PurgeKind kind, UUID deploymentId, int items, Actor actor, Instant at) {
        PurgeLog p = new PurgeLog();
        p.id = UUID.randomUUID();
        p.kind = kind.name();
        p.deploymentId = deploymentId;
        p.items = items;
        p.purgedAt = at;
        p.triggeredBy = actor.username();
        return p.persist().replaceWithVoid();
    }
}
