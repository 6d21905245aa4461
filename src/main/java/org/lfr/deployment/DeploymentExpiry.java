package org.lfr.deployment;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.Now;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Matching stops at the end of the authorised window: the service closes every deployment whose planned end passed. */
@ApplicationScoped
public class DeploymentExpiry {

    private final Now now;
    private final AuditService audit;
    private final DeploymentEvents events;

    DeploymentExpiry(Now now, AuditService audit, DeploymentEvents events) {
        this.now = now;
        this.audit = audit;
        this.events = events;
    }

    @Scheduled(identity = "deployment-expiry", every = "${lfr.governance.expiry-check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> job() {
        return closeExpired().replaceWithVoid();
    }

    /** Closes every deployment past its planned end; returns how many. Idempotent: a missed run is caught up. */
    public Uni<Integer> closeExpired() {
        return close().map(java.util.List::size);
    }

    @WithTransaction
    Uni<java.util.List<DeploymentView>> close() {
        Instant at = now.instant();
        return Deployment.<Deployment>list("status in ?1 and plannedEnd <= ?2",
                java.util.EnumSet.of(DeploymentStatus.AUTHORISED, DeploymentStatus.ACTIVE, DeploymentStatus.PAUSED,
                        DeploymentStatus.SUSPENDED), at)
                .call(expired -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Deployment d : expired) {
                        String from = d.status.name();
                        d.status = Transition.EXPIRE.target().orElseThrow();
                        d.endedAt = at;
                        chain = chain.chain(() -> audit.record(Actor.SYSTEM, AuditAction.DEPLOYMENT_CLOSED,
                                AuditSubject.DEPLOYMENT, d.id, Map.of("by", "planned end", "from", from)))
                                .chain(() -> events.announce(d.id));
                    }
                    return chain;
                })
                .chain(DeploymentQueries::views);
    }
}
