package org.lfr.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.common.Actor;
import org.lfr.deployment.DeploymentService;
import org.lfr.transparency.DeploymentRecordService;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The service's own duties on a clock: close deployments at their planned end, purge finished watchlists, expire
 * alerts, and write the records of closed deployments. Each job is idempotent; a missed run is caught up by the next.
 */
@ApplicationScoped
public class ScheduledJobs {

    @Inject
    DeploymentService deployments;
    @Inject
    RetentionService retention;
    @Inject
    DeploymentRecordService records;

    @Scheduled(identity = "close-and-retain", every = "${lfr.retention.every:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeAndRetain() {
        return deployments.closeExpired().chain(() -> retention.run(Actor.SYSTEM)).replaceWithVoid();
    }

    @Scheduled(identity = "deployment-records", every = "${lfr.records.every:5m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> generateRecords() {
        return records.generateDue().replaceWithVoid();
    }
}
