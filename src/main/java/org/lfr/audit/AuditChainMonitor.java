package org.lfr.audit;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Verifies the audit chain on a schedule, so that tampering is noticed without waiting for the DPO to ask: a gauge
 * (1 intact, 0 broken) that the chart's PrometheusRule alerts on, and an ERROR line naming the first broken event.
 */
@Startup // its gauge exists from the start, whether or not a verification ran yet
@ApplicationScoped
class AuditChainMonitor {

    private static final Logger LOG = Logger.getLogger(AuditChainMonitor.class);

    private final AuditVerifier verifier;
    private final AuditConfig config;
    /** 1 while the last verification held (or none ran yet), 0 once one found a broken link. */
    private final AtomicInteger intact = new AtomicInteger(1);

    AuditChainMonitor(AuditVerifier verifier, AuditConfig config, MeterRegistry registry) {
        this.verifier = verifier;
        this.config = config;
        Gauge.builder("lfr.audit.chain.intact", intact, AtomicInteger::get)
                .description("1 when the last verification of the audit hash chain held, 0 when it did not")
                .register(registry);
    }

    @Scheduled(identity = "audit-chain", every = "${lfr.audit.verify-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> verify() {
        return verifier.verify().invoke(v -> {
            intact.set(v.intact() ? 1 : 0);
            if (!v.intact()) {
                LOG.errorf("the audit chain does not verify: event %s (seq %d): %s (checked again in %s)",
                        v.firstBrokenId(), v.firstBrokenSeq(), v.problem(), config.verifyEvery());
            }
        }).onFailure().invoke(e -> LOG.warnf("the audit chain could not be verified now: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
