package org.lfr.alert;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.retention.AlertRetention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Alerts (their crops cascade) older than the retention period go, unless a supervisor placed a legal hold. */
@ApplicationScoped
class AlertRetentionAdapter implements AlertRetention {

    @Override
    public Uni<Integer> deleteOccurredBefore(Instant cutoff) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from alert where occurred_at < :cutoff and legal_hold_reason is null")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    @Override
    public Uni<Counts> counts(Instant cutoff) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select"
                + " count(*) filter (where occurred_at < :cutoff and legal_hold_reason is null),"
                + " count(*) filter (where legal_hold_reason is not null), count(*) from alert", Object[].class)
                .setParameter("cutoff", cutoff).getSingleResult()
                .map(c -> new Counts(((Number) c[0]).longValue(), ((Number) c[1]).longValue(),
                        ((Number) c[2]).longValue())));
    }
}
