package org.lfr.watchlist;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.GateNotMetException;
import org.lfr.common.InputValidation;
import org.lfr.common.NotFoundException;
import org.lfr.common.Now;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.deployment.GateRule;
import org.lfr.deployment.GovernanceConfig;
import org.lfr.persistence.OwnSession;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The bespoke watchlist of a deployment: proposed by officers, overridden and approved by supervisors, frozen. */
@ApplicationScoped
public class WatchlistService {

    private final Now now;
    private final GovernanceConfig governance;
    private final InputValidation validation;
    private final AuditedChange audited;
    private final DeploymentQueries deployments;
    private final LookalikeAssessor lookalikes;

    WatchlistService(Now now, GovernanceConfig governance, InputValidation validation, AuditedChange audited,
            DeploymentQueries deployments, LookalikeAssessor lookalikes) {
        this.now = now;
        this.governance = governance;
        this.validation = validation;
        this.audited = audited;
        this.deployments = deployments;
        this.lookalikes = lookalikes;
    }

    /** Officers read the watchlists of deployments they operate; supervisors and the DPO all. */
    @OwnSession
    public Uni<WatchlistView> get(Actor actor, UUID deploymentId) {
        return deployments.summary(deploymentId).invoke(d -> d.requireReadableBy(actor)).chain(() -> view(deploymentId));
    }

    public Uni<WatchlistEntryView> propose(Actor actor, UUID deploymentId, WatchlistEntryInput input) {
        validation.check(input);
        return audited.run(actor, AuditAction.WATCHLIST_ENTRY_PROPOSED, AuditSubject.WATCHLIST_ENTRY, null, () ->
                deployments.summary(deploymentId).invoke(d -> d.requireOperatedByOrSupervisor(actor))
                        .chain(() -> editable(deploymentId)).chain(w -> WatchlistEntry.count("deploymentId = ?1 and subjectReference = ?2",
                        deploymentId, input.subjectReference()).chain(n -> {
                            if (n > 0) {
                                throw new ConflictException("subject " + input.subjectReference()
                                        + " is already on this watchlist");
                            }
                            WatchlistEntry e = new WatchlistEntry();
                            e.id = UUID.randomUUID();
                            e.deploymentId = deploymentId;
                            e.subjectReference = input.subjectReference();
                            e.category = input.category();
                            e.legalBasis = input.legalBasis();
                            e.imageSource = input.imageSource();
                            e.imageDate = input.imageDate();
                            e.justification = input.justification();
                            e.subjectUnder18 = input.subjectUnder18();
                            e.addedBy = actor.username();
                            e.addedAt = now.instant();
                            revokeApproval(w);
                            return e.persist().chain(() -> entryView(e)).map(v -> Audited.of(v, e.id, Map.of(
                                    "deployment", deploymentId.toString(), "category", e.category.name(),
                                    "needsOverride", e.needsOverride(now.today(), governance.maxImageAgeDays()))));
                        })));
    }

    public Uni<Boolean> remove(Actor actor, UUID entryId) {
        return changeEntry(actor, AuditAction.WATCHLIST_ENTRY_REMOVED, entryId, (e, w) -> e.delete()
                .replaceWith(Audited.of(true, e.id, Map.of("deployment", e.deploymentId.toString()))));
    }

    /** Under-18 subjects and old images stay off the list unless a supervisor says why, in writing. */
    public Uni<WatchlistEntryView> override(Actor actor, UUID entryId, String reason) {
        InputValidation.requireReason("reason", reason, false);
        return changeEntry(actor, AuditAction.WATCHLIST_ENTRY_OVERRIDDEN, entryId, (e, w) -> {
            if (!e.needsOverride(now.today(), governance.maxImageAgeDays())) {
                throw new ConflictException("entry " + e.subjectReference + " needs no override");
            }
            e.overrideReason = reason;
            e.overrideBy = actor.username();
            e.overrideAt = now.instant();
            return entryView(e).map(v -> Audited.of(v, e.id, Map.of("reason", reason)));
        });
    }

    /** A supervisor who did not draft the deployment approves the list, if {@link WatchlistRules} hold. */
    public Uni<WatchlistView> approve(Actor actor, UUID deploymentId) {
        return audited.run(actor, AuditAction.WATCHLIST_APPROVED, AuditSubject.WATCHLIST, deploymentId, () -> deployments
                .summary(deploymentId)
                .invoke(d -> d.requireFourEyes(actor, "approve its watchlist"))
                .chain(d -> editable(deploymentId))
                .chain(w -> WatchlistEntry.<WatchlistEntry>list("deploymentId", deploymentId).chain(entries -> {
                    List<GateRule> unmet = WatchlistRules.forApproval(entries, now.today(),
                            WatchlistReadinessAdapter.limits(governance));
                    if (!unmet.isEmpty()) {
                        throw new GateNotMetException("approval", unmet);
                    }
                    w.approvedBy = actor.username();
                    w.approvedAt = now.instant();
                    // approved anyway: the entries flagged as look-alikes go on the record with their figures, at
                    // the threshold they were judged at, and how many entries the check could not judge
                    return view(deploymentId).chain(v -> deployments.summary(deploymentId).map(d -> Audited.of(v,
                            deploymentId, Map.of("size", entries.size(), "threshold", d.matchThreshold(),
                                    "lookalikesFlagged", v.entries().stream().filter(e -> e.lookalikeWarning() != null)
                                            .map(e -> Map.of("entry", e.id().toString(), "subject",
                                                    e.subjectReference(), "expectedFalseAlertRate",
                                                    e.expectedFalseAlertRate(), "multiple", e.lookalikeMultiple()))
                                            .toList(),
                                    "entriesWithoutLookalikeRate", v.entries().stream()
                                            .filter(e -> e.expectedFalseAlertRate() == null).count()))));
                })));
    }

    // ------------------------------------------------------------------ for enrolment (same package)

    /**
     * A change to one entry of an editable list, by someone who may edit it; any change to an approved list needs
     * approving again.
     */
    <T> Uni<T> changeEntry(Actor actor, AuditAction action, UUID entryId,
            java.util.function.BiFunction<WatchlistEntry, Watchlist, Uni<Audited<T>>> change) {
        return audited.run(actor, action, AuditSubject.WATCHLIST_ENTRY, entryId, () -> entry(entryId)
                .call(e -> deployments.summary(e.deploymentId).invoke(d -> d.requireOperatedByOrSupervisor(actor)))
                .chain(e -> editable(e.deploymentId).chain(w -> {
                    revokeApproval(w);
                    return change.apply(e, w);
                })));
    }

    /** Whether {@code actor} may edit the entry's list, before costly work (inference); a refusal is audited. */
    Uni<Void> requireMayEdit(Actor actor, AuditAction action, UUID entryId) {
        return audited.precheck(actor, action, AuditSubject.WATCHLIST_ENTRY, entryId, () -> entry(entryId)
                .chain(e -> deployments.summary(e.deploymentId)).invoke(d -> d.requireOperatedByOrSupervisor(actor))
                .replaceWithVoid());
    }

    /** Whether {@code actor} may edit a deployment's list (bulk enrolment), in the same way. */
    Uni<Void> requireMayEditList(Actor actor, AuditAction action, UUID deploymentId) {
        return audited.precheck(actor, action, AuditSubject.WATCHLIST, deploymentId, () -> deployments
                .summary(deploymentId).invoke(d -> d.requireOperatedByOrSupervisor(actor)).replaceWithVoid());
    }

    /** In the caller's session: fails unless {@code actor} may read the entry's list. */
    Uni<Void> requireReadable(Actor actor, UUID entryId) {
        return entry(entryId).chain(e -> deployments.summary(e.deploymentId)).invoke(d -> d.requireReadableBy(actor))
                .replaceWithVoid();
    }

    static Uni<WatchlistEntry> entry(UUID entryId) {
        return WatchlistEntry.<WatchlistEntry>findById(entryId)
                .onItem().ifNull().failWith(() -> new NotFoundException("watchlist entry", entryId));
    }

    Uni<WatchlistEntryView> entryView(WatchlistEntry e) {
        return entryViews(e.deploymentId, Set.of(e.id)).map(list -> list.get(0));
    }

    // ------------------------------------------------------------------ helpers

    /** The watchlist, if its deployment may still be edited and it is not frozen. */
    private Uni<Watchlist> editable(UUID deploymentId) {
        return deployments.summary(deploymentId).chain(d -> {
            if (!DeploymentStatus.EDITABLE.contains(d.status())) {
                throw new ConflictException("the watchlist of deployment " + d.reference() + " is frozen ("
                        + d.status() + ")");
            }
            return Watchlist.<Watchlist>findById(deploymentId);
        }).invoke(w -> {
            if (w.isFrozen()) {
                throw new ConflictException("the watchlist is frozen");
            }
        });
    }

    private static void revokeApproval(Watchlist w) {
        w.approvedBy = null;
        w.approvedAt = null;
    }

    private Uni<WatchlistView> view(UUID deploymentId) {
        return Watchlist.<Watchlist>findById(deploymentId)
                .onItem().ifNull().failWith(() -> new NotFoundException("watchlist of deployment", deploymentId))
                .chain(w -> entryViews(deploymentId, null).map(entries -> new WatchlistView(w.deploymentId,
                        w.approvedBy, w.approvedAt, w.frozenAt, w.purgedAt, entries.size(), entries)));
    }

    /**
     * The entries with whether each has an image and an embedding (counted, never loaded); {@code only}: just these
     * entries (one entry's view must not read the whole list: bulk enrolment asks once per photo).
     */
    private Uni<List<WatchlistEntryView>> entryViews(UUID deploymentId, Set<UUID> only) {
        String sql = "select e.id, (select count(*) from enrolment_image i where i.watchlist_entry_id = e.id),"
                + " (select count(*) from enrolment_embedding m where m.watchlist_entry_id = e.id),"
                + " m.cohort_size, m.cohort_floor, m.cohort_scores from watchlist_entry e"
                + " left join enrolment_embedding m on m.watchlist_entry_id = e.id"
                + " where e.deployment_id = :d" + (only == null ? "" : " and e.id in (:only)");
        Uni<List<WatchlistEntry>> entries = only == null
                ? WatchlistEntry.list("deploymentId = ?1 order by addedAt, subjectReference", deploymentId)
                : WatchlistEntry.list("deploymentId = ?1 and id in ?2 order by addedAt, subjectReference", deploymentId,
                        only);
        Uni<Double> threshold = deployments.summary(deploymentId).map(d -> d.matchThreshold());
        return entries.chain(list -> threshold.chain(t -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class).setParameter("d", deploymentId);
            if (only != null) {
                query.setParameter("only", only);
            }
            return query.getResultList();
        }).map(rows -> {
            Map<Object, Object[]> counts = new HashMap<>();
            rows.forEach(r -> counts.put(r[0], r));
            LocalDate today = now.today();
            Function<WatchlistEntry, WatchlistEntryView> toView = e -> {
                Object[] c = counts.get(e.id);
                LookalikeRisk risk = c == null ? null : lookalikes.assess(t, c[3] == null ? null
                        : ((Number) c[3]).intValue(), c[4] == null ? null : ((Number) c[4]).doubleValue(), (String) c[5]);
                return new WatchlistEntryView(e.id, e.deploymentId, e.subjectReference, e.category, e.legalBasis,
                        e.imageSource, e.imageDate, e.justification, e.subjectUnder18,
                        e.needsOverride(today, governance.maxImageAgeDays()), e.overrideReason, e.overrideBy,
                        e.overrideAt, e.addedBy, e.addedAt, c != null && ((Number) c[1]).longValue() > 0,
                        c != null && ((Number) c[2]).longValue() > 0, e.imagePurgedAt,
                        risk == null ? null : risk.rate(), risk == null ? null : risk.sentence(),
                        risk == null ? null : risk.multiple(), risk == null ? null : risk.warning());
            };
            return list.stream().map(toView).toList();
        })));
    }
}
