package org.lfr.transparency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.alert.Adjudication;
import org.lfr.alert.Alert;
import org.lfr.alert.Outcome;
import org.lfr.audit.AuditService;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.NotFoundException;
import org.lfr.deployment.Deployment;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.notice.CommunityNotice;
import org.lfr.signage.LeafletDistribution;
import org.lfr.signage.Signage;
import org.lfr.watchlist.WatchlistEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Generates each closed deployment's record (figures frozen at generation) and publishes it on a supervisor's word. */
@ApplicationScoped
public class DeploymentRecordService {

    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    AuditService audit;

    /** Generates the missing records of closed deployments; returns how many were generated. */
    public Uni<Integer> generateDue() {
        return Panache.withSession(() -> Deployment.<Deployment>list(
                "status = ?1 and id not in (select r.deploymentId from DeploymentRecord r)", DeploymentStatus.CLOSED))
                .chain(closed -> {
                    Uni<Integer> count = Uni.createFrom().item(0);
                    for (Deployment d : closed) {
                        count = count.chain(n -> Panache.withTransaction(() -> generate(d.id)).replaceWith(n + 1));
                    }
                    return count;
                });
    }

    private Uni<DeploymentRecord> generate(UUID deploymentId) {
        return Deployment.<Deployment>findById(deploymentId).chain(d -> WatchlistEntry
                .<WatchlistEntry>list("deploymentId", d.id).chain(entries -> Alert
                        .<Alert>list("deploymentId", d.id).chain(alerts -> CommunityNotice
                                .<CommunityNotice>list("deploymentId = ?1 order by publishedAt", d.id)
                                .chain(notices -> Signage.<Signage>list("deploymentId", d.id).chain(signs ->
                                        LeafletDistribution.<LeafletDistribution>list("deploymentId", d.id)
                                                .chain(leaflets -> {
                                                    DeploymentRecord r = new DeploymentRecord();
                                                    r.deploymentId = d.id;
                                                    r.generatedAt = now();
                                                    r.content = write(figures(d, entries, alerts, notices, signs,
                                                            leaflets));
                                                    return r.<DeploymentRecord>persist().call(() -> audit.record(Actor.SYSTEM,
                                                            "DEPLOYMENT_RECORD_GENERATED", "deployment", d.id,
                                                            Map.of()));
                                                }))))));
    }

    private DeploymentRecordView figures(Deployment d, List<WatchlistEntry> entries, List<Alert> alerts,
            List<CommunityNotice> notices, List<Signage> signs, List<LeafletDistribution> leaflets) {
        Map<String, Long> byCategory = new TreeMap<>();
        entries.forEach(e -> byCategory.merge(e.category.name(), 1L, Long::sum));
        List<DeploymentRecordView.CategoryCount> categories = new ArrayList<>();
        byCategory.forEach((k, v) -> categories.add(new DeploymentRecordView.CategoryCount(k, v)));
        long falseAlerts = alerts.stream().filter(a -> a.adjudication == Adjudication.FALSE_ALERT).count();
        TreeSet<String> channels = new TreeSet<>();
        notices.forEach(n -> n.channelList().forEach(c -> channels.add(c.name())));
        long minutes = d.startedAt == null || d.endedAt == null ? 0
                : Duration.between(d.startedAt, d.endedAt).toMinutes();
        return new DeploymentRecordView(d.id, d.reference, d.locationName, d.latitude, d.longitude,
                d.areaDescription, d.plannedStart, d.startedAt, d.endedAt, minutes, entries.size(), categories,
                d.facesProcessed, alerts.size(), count(alerts, Adjudication.CONFIRMED_MATCH), falseAlerts,
                count(alerts, Adjudication.NOT_ENGAGED), alerts.stream().filter(a -> a.adjudication == null).count(),
                outcome(alerts, Outcome.ARREST), outcome(alerts, Outcome.ADVICE),
                outcome(alerts, Outcome.NO_FURTHER_ACTION), outcome(alerts, Outcome.OTHER),
                d.facesProcessed == 0 ? 0 : (double) falseAlerts / d.facesProcessed, notices.size(),
                List.copyOf(channels), notices.isEmpty() ? null : notices.get(0).publishedAt, signs.size(),
                leaflets.stream().mapToLong(l -> l.count).sum(), null, null, null);
    }

    public Uni<DeploymentRecordView> publish(Actor actor, UUID deploymentId) {
        return Panache.withTransaction(() -> DeploymentRecord.<DeploymentRecord>findById(deploymentId)
                .onItem().ifNull().failWith(() -> new NotFoundException("record of deployment", deploymentId))
                .chain(r -> {
                    if (r.publishedAt != null) {
                        throw new ConflictException("the record of deployment " + deploymentId + " is already published");
                    }
                    r.publishedAt = now();
                    r.publishedBy = actor.username();
                    return audit.record(actor, "DEPLOYMENT_RECORD_PUBLISHED", "deployment", deploymentId, Map.of())
                            .replaceWith(view(r));
                }));
    }

    /** Published records: what anyone may read. */
    public Uni<List<DeploymentRecordView>> published() {
        return Panache.withSession(() -> DeploymentRecord.<DeploymentRecord>list(
                "publishedAt is not null order by publishedAt desc").map(this::views));
    }

    /** Every record, published or not: for supervisors and the DPO. */
    public Uni<List<DeploymentRecordView>> all() {
        return Panache.withSession(() -> DeploymentRecord.<DeploymentRecord>list("order by generatedAt desc")
                .map(this::views));
    }

    private List<DeploymentRecordView> views(List<DeploymentRecord> records) {
        return records.stream().map(this::view).toList();
    }

    private DeploymentRecordView view(DeploymentRecord r) {
        try {
            return json.readValue(r.content, DeploymentRecordView.class).published(r.publishedAt, r.publishedBy,
                    r.generatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record of " + r.deploymentId + " is unreadable", e);
        }
    }

    private String write(DeploymentRecordView figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(List<Alert> alerts, Adjudication a) {
        return alerts.stream().filter(x -> x.adjudication == a).count();
    }

    private static long outcome(List<Alert> alerts, Outcome o) {
        return alerts.stream().filter(x -> x.outcome == o).count();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
