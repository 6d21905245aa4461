package org.lfr.deployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.audit.AuditService;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;
import org.lfr.common.GateNotMetException;
import org.lfr.common.InputValidation;
import org.lfr.common.InvalidInputException;
import org.lfr.watchlist.Watchlist;
import org.lfr.watchlist.WatchlistEntry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The deployment lifecycle and the rules on each transition. */
@ApplicationScoped
public class DeploymentService {

    @Inject
    Clock clock;
    @Inject
    GovernanceConfig config;
    @Inject
    InputValidation validation;
    @Inject
    AuditService audit;
    @Inject
    StartGate gate;
    @Inject
    DeploymentEvents events;

    // ------------------------------------------------------------------ reads

    public Uni<List<DeploymentView>> list(DeploymentStatus status) {
        return Panache.withSession(() -> (status == null
                ? Deployment.<Deployment>list("order by plannedStart desc")
                : Deployment.<Deployment>list("status = ?1 order by plannedStart desc", status))
                .chain(this::views));
    }

    public Uni<DeploymentView> get(UUID id) {
        return Panache.withSession(() -> Deployment.require(id).chain(this::view));
    }

    /** The deployment a camera belongs to, or null when no camera has this id. */
    public Uni<DeploymentView> ofCamera(UUID cameraId) {
        return Panache.withSession(() -> Camera.<Camera>findById(cameraId).chain(camera -> camera == null
                ? Uni.createFrom().nullItem()
                : Deployment.require(camera.deploymentId).chain(this::view)));
    }

    // ------------------------------------------------------------------ drafting (officer)

    public Uni<DeploymentView> create(Actor actor, DeploymentInput input) {
        validate(input);
        return inTransaction(() -> Deployment.count("reference", input.reference()).chain(existing -> {
            if (existing > 0) {
                throw new ConflictException("a deployment with reference " + input.reference() + " exists");
            }
            Deployment d = new Deployment();
            d.id = UUID.randomUUID();
            apply(d, input);
            d.status = DeploymentStatus.DRAFT;
            d.createdBy = actor.username();
            d.createdAt = now();
            Watchlist w = new Watchlist();
            w.deploymentId = d.id;
            return d.persist().chain(() -> w.persist())
                    .chain(() -> audit.record(actor, "DEPLOYMENT_CREATED", "deployment", d.id,
                            Map.of("reference", d.reference, "location", d.locationName)))
                    .replaceWith(d);
        }));
    }

    public Uni<DeploymentView> update(Actor actor, UUID id, DeploymentInput input) {
        validate(input);
        return inTransaction(() -> Deployment.require(id).chain(d -> {
            requireCreator(actor, d);
            requireStatus(d, EnumSet.of(DeploymentStatus.DRAFT), "edited");
            if (!d.reference.equals(input.reference())) {
                throw new InvalidInputException("reference: cannot be changed");
            }
            apply(d, input);
            return audit.record(actor, "DEPLOYMENT_UPDATED", "deployment", d.id, Map.of()).replaceWith(d);
        }));
    }

    public Uni<DeploymentView> addCamera(Actor actor, UUID deploymentId, CameraInput input) {
        validation.check(input);
        InputValidation.require(input.pushMode() == (input.streamUrl() == null || input.streamUrl().isBlank()),
                "camera: give either a streamUrl or pushMode=true, not both or neither");
        return inTransaction(() -> Deployment.require(deploymentId).chain(d -> {
            requireCreator(actor, d);
            requireStatus(d, EnumSet.of(DeploymentStatus.DRAFT), "given cameras");
            return Camera.count("deploymentId = ?1 and name = ?2", d.id, input.name()).chain(n -> {
                if (n > 0) {
                    throw new ConflictException("camera " + input.name() + " already exists in this deployment");
                }
                Camera c = new Camera();
                c.id = UUID.randomUUID();
                c.deploymentId = d.id;
                c.name = input.name();
                c.streamUrl = input.pushMode() ? null : input.streamUrl();
                c.pushMode = input.pushMode();
                c.positionDescription = input.positionDescription();
                return c.persist().chain(() -> audit.record(actor, "CAMERA_ADDED", "deployment", d.id,
                        Map.of("camera", c.name, "pushMode", c.pushMode))).replaceWith(d);
            });
        }));
    }

    /**
     * The drafting officer submits their draft; a supervisor may also submit someone else's (when its author is off
     * shift, say). Another officer may not. Submitting decides nothing: four-eyes is enforced at authorisation.
     */
    public Uni<DeploymentView> submit(Actor actor, UUID id) {
        return transition(actor, id, "DEPLOYMENT_SUBMITTED", Map.of(), d -> {
            requireCreatorOrSupervisor(actor, d, "submit");
            requireStatus(d, EnumSet.of(DeploymentStatus.DRAFT), "submitted");
            d.status = DeploymentStatus.SUBMITTED;
            d.submittedBy = actor.username();
            d.submittedAt = now();
            return Uni.createFrom().item(d);
        });
    }

    // ------------------------------------------------------------------ decisions (supervisor)

    /**
     * A second person authorises: never the creator, even when the creator also holds the supervisor role.
     * Authorisation freezes the approved watchlist. {@code noticeExemptionReason} records a critical-threat waiver
     * of the community-notice lead time.
     */
    public Uni<DeploymentView> authorise(Actor actor, UUID id, String noticeExemptionReason) {
        if (noticeExemptionReason != null && (noticeExemptionReason.isBlank() || noticeExemptionReason.length() > 2000)) {
            throw new InvalidInputException("noticeExemptionReason: must be 1 to 2000 characters when given");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("noticeExemption", noticeExemptionReason != null);
        if (noticeExemptionReason != null) {
            // The waiver is an exceptional decision: the oversight record keeps its written reason, not just a flag.
            details.put("noticeExemptionReason", noticeExemptionReason);
        }
        return gated(actor, id, "DEPLOYMENT_AUTHORISED", "authorisation", details, d -> {
            requireNotCreator(actor, d, "authorise");
            requireStatus(d, EnumSet.of(DeploymentStatus.SUBMITTED), "authorised");
            return Watchlist.<Watchlist>findById(d.id).chain(w -> WatchlistEntry
                    .<WatchlistEntry>list("deploymentId", d.id).map(entries -> {
                        List<String> unmet = new ArrayList<>();
                        if (w == null || !w.isApproved()) {
                            unmet.add("WATCHLIST_NOT_APPROVED");
                        }
                        if (entries.isEmpty()) {
                            unmet.add(StartGate.WATCHLIST_EMPTY);
                        }
                        if (entries.size() > config.maxWatchlistSize()) {
                            unmet.add(StartGate.WATCHLIST_TOO_LARGE);
                        }
                        LocalDate today = now().atZone(ZoneOffset.UTC).toLocalDate();
                        if (entries.stream().anyMatch(e -> e.needsOverride(today, config.maxImageAgeDays())
                                && !e.hasOverride())) {
                            unmet.add("ENTRY_OVERRIDE_MISSING");
                        }
                        if (!now().isBefore(d.plannedEnd)) {
                            unmet.add(StartGate.OUTSIDE_AUTHORISED_WINDOW);
                        }
                        if (unmet.isEmpty()) {
                            d.status = DeploymentStatus.AUTHORISED;
                            d.authorisedBy = actor.username();
                            d.authorisedAt = now();
                            d.noticeExemptionReason = noticeExemptionReason;
                            w.frozenAt = now();
                        }
                        return unmet;
                    }));
        });
    }

    public Uni<DeploymentView> reject(Actor actor, UUID id, String reason) {
        requireReason(reason);
        return transition(actor, id, "DEPLOYMENT_REJECTED", Map.of("reason", reason), d -> {
            requireNotCreator(actor, d, "reject");
            requireStatus(d, EnumSet.of(DeploymentStatus.SUBMITTED), "rejected");
            d.status = DeploymentStatus.REJECTED;
            d.decisionReason = reason;
            d.endedAt = now();
            return Uni.createFrom().item(d);
        });
    }

    public Uni<DeploymentView> cancel(Actor actor, UUID id, String reason) {
        requireReason(reason);
        return transition(actor, id, "DEPLOYMENT_CANCELLED", Map.of("reason", reason), d -> {
            requireCreatorOrSupervisor(actor, d, "cancel");
            requireStatus(d, EnumSet.of(DeploymentStatus.DRAFT, DeploymentStatus.SUBMITTED,
                    DeploymentStatus.AUTHORISED), "cancelled");
            d.status = DeploymentStatus.CANCELLED;
            d.decisionReason = reason;
            d.endedAt = now();
            return Uni.createFrom().item(d);
        });
    }

    public Uni<DeploymentView> setMatchThreshold(Actor actor, UUID id, double threshold) {
        requireThreshold(threshold);
        return transition(actor, id, "MATCH_THRESHOLD_SET", Map.of("threshold", threshold), d -> {
            requireStatus(d, EnumSet.of(DeploymentStatus.DRAFT, DeploymentStatus.SUBMITTED,
                    DeploymentStatus.AUTHORISED, DeploymentStatus.PAUSED), "given a new threshold");
            d.matchThreshold = threshold;
            return Uni.createFrom().item(d);
        });
    }

    // ------------------------------------------------------------------ operating (officer)

    public Uni<DeploymentView> start(Actor actor, UUID id) {
        return gated(actor, id, "DEPLOYMENT_STARTED", "start", Map.of(), d -> {
            return gate.unmetRules(d, DeploymentStatus.AUTHORISED, now()).invoke(unmet -> {
                if (unmet.isEmpty()) {
                    d.status = DeploymentStatus.ACTIVE;
                    d.startedBy = actor.username();
                    d.startedAt = now();
                }
            });
        });
    }

    public Uni<DeploymentView> pause(Actor actor, UUID id) {
        return transition(actor, id, "DEPLOYMENT_PAUSED", Map.of(), d -> {
            requireOperator(actor, d);
            requireStatus(d, EnumSet.of(DeploymentStatus.ACTIVE), "paused");
            d.status = DeploymentStatus.PAUSED;
            return Uni.createFrom().item(d);
        });
    }

    public Uni<DeploymentView> resume(Actor actor, UUID id) {
        return gated(actor, id, "DEPLOYMENT_RESUMED", "resume", Map.of(), d -> {
            requireOperator(actor, d);
            requireStatus(d, EnumSet.of(DeploymentStatus.PAUSED), "resumed");
            return gate.unmetRules(d, DeploymentStatus.PAUSED, now()).invoke(unmet -> {
                if (unmet.isEmpty()) {
                    d.status = DeploymentStatus.ACTIVE;
                }
            });
        });
    }

    public Uni<DeploymentView> stop(Actor actor, UUID id) {
        return transition(actor, id, "DEPLOYMENT_CLOSED", Map.of("by", "operator"), d -> {
            requireOperator(actor, d);
            requireStatus(d, EnumSet.of(DeploymentStatus.ACTIVE, DeploymentStatus.PAUSED,
                    DeploymentStatus.SUSPENDED), "closed");
            close(d);
            return Uni.createFrom().item(d);
        });
    }

    // ------------------------------------------------------------------ oversight (dpo)

    public Uni<DeploymentView> suspend(Actor actor, UUID id, String reason) {
        requireReason(reason);
        return transition(actor, id, "DEPLOYMENT_SUSPENDED", Map.of("reason", reason), d -> {
            requireStatus(d, EnumSet.of(DeploymentStatus.AUTHORISED, DeploymentStatus.ACTIVE,
                    DeploymentStatus.PAUSED), "suspended");
            d.status = DeploymentStatus.SUSPENDED;
            d.decisionReason = reason;
            return Uni.createFrom().item(d);
        });
    }

    // ------------------------------------------------------------------ the service itself

    /** Closes every deployment whose planned end has passed: matching stops at the end of the authorised window. */
    public Uni<List<DeploymentView>> closeExpired() {
        Instant now = now();
        return Panache.withTransaction(() -> Deployment.<Deployment>list(
                "status in ?1 and plannedEnd <= ?2",
                EnumSet.of(DeploymentStatus.AUTHORISED, DeploymentStatus.ACTIVE, DeploymentStatus.PAUSED,
                        DeploymentStatus.SUSPENDED), now)
                .call(expired -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Deployment d : expired) {
                        String from = d.status.name();
                        close(d);
                        chain = chain.chain(() -> audit.record(Actor.SYSTEM, "DEPLOYMENT_CLOSED", "deployment",
                                d.id, Map.of("by", "planned end", "from", from)).replaceWithVoid());
                    }
                    return chain;
                }))
                .chain(expired -> Panache.withSession(() -> views(expired)))
                .invoke(views -> views.forEach(events::publish));
    }

    /** Adds to the count of faces processed (a number only: nothing else about those faces is kept). */
    public Uni<Void> recordFacesProcessed(UUID deploymentId, long faces) {
        if (faces < 0) {
            throw new InvalidInputException("faces: must not be negative");
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("update deployment set faces_processed = faces_processed + :n where id = :id")
                .setParameter("n", faces).setParameter("id", deploymentId).executeUpdate())).replaceWithVoid();
    }

    // ------------------------------------------------------------------ helpers

    private record Refusal(List<String> rules) {
    }

    private Uni<Deployment> refuse(Actor actor, UUID id, String action, String what, List<String> rules) {
        return audit.recordAlone(actor, action, "deployment", id, Map.of("unmetRules", rules))
                .chain(() -> Uni.createFrom().failure(new GateNotMetException(what, rules)));
    }

    /**
     * A transition guarded by rules: {@code check} returns the unmet rules and applies the change only when there
     * are none. Success is audited in the change's transaction; a refusal in one of its own, then fails.
     */
    private Uni<DeploymentView> gated(Actor actor, UUID id, String action, String what, Map<String, ?> details,
            Function<Deployment, Uni<List<String>>> check) {
        return auditRefusal(actor, id, action, Panache.withTransaction(() -> Deployment.require(id).chain(d -> check.apply(d)
                .chain(unmet -> unmet.isEmpty()
                        ? audit.record(actor, action, "deployment", d.id, details).replaceWith((Object) d)
                        : Uni.createFrom().item((Object) new Refusal(unmet))))))
                .chain(result -> result instanceof Refusal r
                        ? refuse(actor, id, action + "_REFUSED", what, r.rules())
                        : Uni.createFrom().item((Deployment) result))
                .chain(this::viewAndPublish);
    }

    private Uni<DeploymentView> transition(Actor actor, UUID id, String action, Map<String, ?> details,
            Function<Deployment, Uni<Deployment>> change) {
        return auditRefusal(actor, id, action, Panache.withTransaction(() -> Deployment.require(id).chain(d -> change.apply(d))
                .call(d -> audit.record(actor, action, "deployment", d.id, details))))
                .chain(this::viewAndPublish);
    }

    /** A refusal of who-may-do-what is itself recorded, in a transaction of its own (the change's rolls back). */
    private <T> Uni<T> auditRefusal(Actor actor, UUID id, String action, Uni<T> work) {
        return work.onFailure(ForbiddenException.class).call(e -> audit.recordAlone(actor, action + "_REFUSED",
                "deployment", id, Map.of("reason", e.getMessage())));
    }

    private Uni<DeploymentView> inTransaction(java.util.function.Supplier<Uni<Deployment>> work) {
        return Panache.withTransaction(work).chain(d -> Panache.withSession(() -> view(d)));
    }

    private Uni<DeploymentView> viewAndPublish(Deployment d) {
        return Panache.withSession(() -> view(d)).invoke(events::publish);
    }

    private void close(Deployment d) {
        d.status = DeploymentStatus.CLOSED;
        d.endedAt = now();
    }

    Uni<DeploymentView> view(Deployment d) {
        return Camera.<Camera>list("deploymentId = ?1 order by name", d.id).map(c -> DeploymentView.of(d, c));
    }

    private Uni<List<DeploymentView>> views(List<Deployment> deployments) {
        if (deployments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = deployments.stream().map(d -> d.id).toList();
        return Camera.<Camera>list("deploymentId in ?1 order by name", ids).map(cameras -> deployments.stream()
                .map(d -> DeploymentView.of(d, cameras.stream().filter(c -> c.deploymentId.equals(d.id)).toList()))
                .toList());
    }

    private void validate(DeploymentInput input) {
        validation.check(input);
        InputValidation.require(input.plannedEnd().isAfter(input.plannedStart()),
                "plannedEnd: must be after plannedStart");
        Duration duration = Duration.between(input.plannedStart(), input.plannedEnd());
        InputValidation.require(duration.compareTo(config.maxDuration()) <= 0,
                "plannedEnd: a deployment may last at most " + config.maxDuration().toHours() + " h, not "
                        + duration.toMinutes() + " min");
        InputValidation.require(input.plannedEnd().isAfter(now()), "plannedEnd: must be in the future");
        if (input.matchThreshold() != null) {
            requireThreshold(input.matchThreshold());
        }
    }

    private void requireThreshold(double threshold) {
        InputValidation.require(threshold >= config.thresholdFloor() && threshold <= 1.0,
                "matchThreshold: must be between the configured floor " + config.thresholdFloor() + " and 1");
    }

    private static void requireReason(String reason) {
        InputValidation.require(reason != null && !reason.isBlank() && reason.length() <= 2000,
                "reason: must be 1 to 2000 characters");
    }

    private void apply(Deployment d, DeploymentInput in) {
        d.reference = in.reference();
        d.purpose = in.purpose();
        d.locationName = in.locationName();
        d.latitude = in.latitude();
        d.longitude = in.longitude();
        d.areaDescription = in.areaDescription();
        d.locationRationale = in.locationRationale();
        d.plannedStart = in.plannedStart().truncatedTo(ChronoUnit.SECONDS);
        d.plannedEnd = in.plannedEnd().truncatedTo(ChronoUnit.SECONDS);
        d.dpiaReference = in.dpiaReference();
        d.equalityImpactReference = in.equalityImpactReference();
        d.matchThreshold = in.matchThreshold() == null ? config.defaultMatchThreshold() : in.matchThreshold();
    }

    private static void requireStatus(Deployment d, Set<DeploymentStatus> allowed, String verb) {
        if (!allowed.contains(d.status)) {
            throw new ConflictException("deployment " + d.reference + " is " + d.status + " and cannot be " + verb
                    + " (allowed from " + allowed + ")");
        }
    }

    private static void requireCreator(Actor actor, Deployment d) {
        if (!actor.username().equals(d.createdBy)) {
            throw new ForbiddenException("only the officer who drafted deployment " + d.reference + " may do this");
        }
    }

    private static void requireCreatorOrSupervisor(Actor actor, Deployment d, String verb) {
        if (!actor.isSupervisor() && !actor.username().equals(d.createdBy)) {
            throw new ForbiddenException("only the officer who drafted deployment " + d.reference
                    + " or a supervisor may " + verb + " it");
        }
    }

    static void requireOperator(Actor actor, Deployment d) {
        if (!d.isOperatedBy(actor.username())) {
            throw new ForbiddenException("you do not operate deployment " + d.reference);
        }
    }

    private static void requireNotCreator(Actor actor, Deployment d, String verb) {
        if (actor.username().equals(d.createdBy)) {
            throw new ForbiddenException("four-eyes rule: you drafted deployment " + d.reference
                    + " and cannot " + verb + " it yourself");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
