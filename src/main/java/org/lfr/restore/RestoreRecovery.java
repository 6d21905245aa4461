package org.lfr.restore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.Await;
import org.lfr.common.Now;
import org.lfr.deployment.DeploymentExpiry;
import org.lfr.deployment.DeploymentHold;
import org.lfr.retention.RetentionService;
import org.lfr.retention.RetentionViews.Run;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * A database restored from a backup starts safe. At the first start after scripts/restore, before anything else reads
 * or matches (right after the start-up checks and migrations; the HTTP port opens only after every start-up observer):
 * the restore is audited with both times; deployments past their planned end are closed; every deployment the backup
 * shows ACTIVE or PAUSED is held PAUSED ("restored from backup") for a supervisor; retention runs (overdue watchlist
 * purges, alerts past their period) — so nothing retention had removed comes back. One transaction, with the marker's
 * row locked: a replica starting at the same time waits, then finds the marker handled. Any failure fails the start.
 */
@ApplicationScoped
class RestoreRecovery {

    private static final Logger LOG = Logger.getLogger(RestoreRecovery.class);

    private final Now now;
    private final AuditService audit;
    private final DeploymentExpiry expiry;
    private final DeploymentHold hold;
    private final RetentionService retention;
    private final boolean migrateOnly;

    RestoreRecovery(Now now, AuditService audit, DeploymentExpiry expiry, DeploymentHold hold,
            RetentionService retention,
            @ConfigProperty(name = "lfr.startup.migrate-only", defaultValue = "false") boolean migrateOnly) {
        this.migrateOnly = migrateOnly;
        this.now = now;
        this.audit = audit;
        this.expiry = expiry;
        this.hold = hold;
        this.retention = retention;
    }

    /** After the start-up checks and migrations (priority 1), before notifications (10) and everything else. */
    void onStart(@Observes @jakarta.annotation.Priority(5) StartupEvent event) {
        if (migrateOnly) {
            return; // the chart's migration Job: the service's own first start handles the marker
        }
        Await.result(this::recover);
    }

    Uni<Void> recover() {
        return Panache.withTransaction(() -> RestoreMarker.<RestoreMarker>find("handledAt is null order by id")
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(markers -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (RestoreMarker m : markers) {
                        chain = chain.chain(() -> handle(m));
                    }
                    return chain;
                }));
    }

    private Uni<Void> handle(RestoreMarker m) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backupTakenAt", m.backupTakenAt.toString());
        details.put("restoredAt", m.restoredAt.toString());
        details.put("backupFile", m.backupFile);
        details.put("backupHeadSeq", m.headSeq);
        details.put("backupHeadHash", m.headHash);
        details.put("schemaVersionOfBackup", m.schemaVersion);
        return audit.record(Actor.SYSTEM, AuditAction.RESTORED_FROM_BACKUP, AuditSubject.SERVICE, m.id, details)
                .chain(expiry::closeExpired)
                .chain(closed -> flush().chain(() -> hold.holdRunning(DeploymentHold.REASON_RESTORED))
                        .chain(held -> flush().chain(() -> retention.run(Actor.SYSTEM))
                                .invoke(run -> report(m, closed, held, run))))
                .chain(() -> {
                    m.handledAt = now.instant();
                    return flush();
                });
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

    private static void report(RestoreMarker m, int closed, List<UUID> held, Run run) {
        LOG.warnf("Database restored from backup %s (taken %s, restored %s): %d deployment(s) past their end closed,"
                + " %d held PAUSED for a supervisor (%s), retention: %d watchlist(s) purged, %d alert(s) deleted",
                m.backupFile, m.backupTakenAt, m.restoredAt, closed, held.size(), DeploymentHold.REASON_RESTORED,
                run.watchlistsPurged(), run.alertsDeleted());
    }
}
