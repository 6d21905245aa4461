package org.lfr.transparency;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.alert.AlertQueries;
import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditVerifier;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.ChainHead;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.NotFoundException;
import org.lfr.common.Now;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentView;
import org.lfr.deployment.ThresholdCalibration;
import org.lfr.notice.NoticeQueries;
import org.lfr.persistence.OwnSession;
import org.lfr.signage.SignageQueries;
import org.lfr.watchlist.WatchlistQueries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Generates each closed deployment's record (figures frozen at generation, from each feature's own queries) and
 * publishes it on a supervisor's word.
 */
@ApplicationScoped
public class DeploymentRecordService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DeploymentRecordService.class);

    private final Now now;
    private final ObjectMapper json;
    private final AuditService audit;
    private final AuditedChange audited;
    private final DeploymentQueries deployments;
    private final WatchlistQueries watchlists;
    private final AlertQueries alerts;
    private final NoticeQueries notices;
    private final SignageQueries signage;
    private final ThresholdCalibration calibration;
    private final AuditVerifier chain;
    private final RoleLabels labels;

    DeploymentRecordService(Now now, ObjectMapper json, AuditService audit, AuditedChange audited,
            DeploymentQueries deployments, WatchlistQueries watchlists, AlertQueries alerts, NoticeQueries notices,
            SignageQueries signage, ThresholdCalibration calibration, RecordsConfig config, AuditVerifier chain,
            RoleLabels labels) {
        this.labels = labels;
        this.calibration = calibration;
        this.chain = chain;
        this.now = now;
        this.json = json;
        this.audit = audit;
        this.audited = audited;
        this.deployments = deployments;
        this.watchlists = watchlists;
        this.alerts = alerts;
        this.notices = notices;
        this.signage = signage;
        LOG.debugf("records of closed deployments are generated every %s", config.every());
    }

    @Scheduled(identity = "deployment-records", every = "${lfr.records.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> job() {
        return generateDue().replaceWithVoid();
    }

    /** Generates the missing records of closed deployments, each in its own transaction; returns how many. */
    public Uni<Integer> generateDue() {
        return Panache.withSession(() -> deployments.closed().chain(closed -> DeploymentRecord
                .<DeploymentRecord>list("deploymentId in ?1", closed.stream().map(DeploymentView::id).toList())
                .map(existing -> closed.stream().filter(d -> existing.stream()
                        .noneMatch(r -> r.deploymentId.equals(d.id()))).map(DeploymentView::id).toList())))
                .chain(due -> {
                    Uni<Integer> count = Uni.createFrom().item(0);
                    for (UUID id : due) {
                        count = count.chain(n -> Panache.withTransaction(() -> generate(id)).replaceWith(n + 1));
                    }
                    return count;
                });
    }

    private Uni<DeploymentRecord> generate(UUID deploymentId) {
        return figures(deploymentId).chain(figures -> {
            DeploymentRecord r = new DeploymentRecord();
            r.deploymentId = deploymentId;
            r.generatedAt = now.instant();
            r.content = write(figures);
            return r.<DeploymentRecord>persist().call(() -> audit.record(Actor.SYSTEM,
                    AuditAction.DEPLOYMENT_RECORD_GENERATED, AuditSubject.DEPLOYMENT, deploymentId, Map.of()));
        });
    }

    /** The record's figures as of now, from each feature's own queries (in the caller's session). */
    private Uni<DeploymentRecordView> figures(UUID deploymentId) {
        return deployments.view(deploymentId).chain(d -> watchlists.categoryCounts(d.id()).chain(categories -> alerts
                .statistics(d.id()).chain(stats -> notices.ofDeployment(d.id()).chain(published -> signage
                        .signage(d.id()).chain(signs -> signage.leaflets(d.id()).map(leaflets -> RecordFigures.of(
                                new RecordFigures.Facts(d, categories, stats, published, signs, leaflets,
                                        calibration.at(d.matchThreshold()), labels.authoriser()))))))));
    }

    /**
     * Exactly what the public record of the deployment says — or would say if a supervisor published it now: the
     * generated record (figures frozen when the deployment closed), or, before that, its figures as of now.
     */
    @OwnSession
    public Uni<DeploymentRecordView> preview(Actor actor, UUID deploymentId) {
        return DeploymentRecord.<DeploymentRecord>findById(deploymentId).chain(r -> {
            if (r != null) {
                return Uni.createFrom().item(r.publishedAt != null ? view(r)
                        : view(r).published(null, labels.publisher(), r.generatedAt));
            }
            return figures(deploymentId).map(v -> v.published(null, labels.publisher(), null));
        });
    }

    public Uni<DeploymentRecordView> publish(Actor actor, UUID deploymentId) {
        return audited.run(actor, AuditAction.DEPLOYMENT_RECORD_PUBLISHED, AuditSubject.DEPLOYMENT, deploymentId, () ->
                DeploymentRecord.<DeploymentRecord>findById(deploymentId)
                        .onItem().ifNull().failWith(() -> new NotFoundException("record of deployment", deploymentId))
                        .map(r -> {
                            if (r.publishedAt != null) {
                                throw new ConflictException("the record of deployment " + deploymentId
                                        + " is already published");
                            }
                            r.publishedAt = now.instant();
                            r.publishedBy = actor.username(); // kept for the staff, never shown in the record
                            r.publishedByRole = labels.of(actor);
                            return Audited.of(view(r), deploymentId, Map.of());
                        }))
                .call(() -> logChainHead(deploymentId));
    }

    /** A copy of the chain head outside the database at each publication (docs/OPERATIONS.md, backup and restore). */
    private Uni<Void> logChainHead(UUID deploymentId) {
        return Panache.withSession(chain::head)
                .invoke(head -> ChainHead.log(head, now.instant().toString(), Map.of("event",
                        "deployment record published", "deploymentId", deploymentId.toString())))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Published records: what anyone may read. */
    @OwnSession
    public Uni<List<DeploymentRecordView>> published() {
        return DeploymentRecord.<DeploymentRecord>list("publishedAt is not null order by publishedAt desc")
                .map(this::views);
    }

    /** Every record, published or not: for supervisors and the DPO. */
    @OwnSession
    public Uni<List<DeploymentRecordView>> all() {
        return DeploymentRecord.<DeploymentRecord>list("order by generatedAt desc").map(this::views);
    }

    private List<DeploymentRecordView> views(List<DeploymentRecord> records) {
        return records.stream().map(this::view).toList();
    }

    private DeploymentRecordView view(DeploymentRecord r) {
        try {
            return json.readValue(r.content, DeploymentRecordView.class).published(r.publishedAt, r.publishedByRole,
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
}
