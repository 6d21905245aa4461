package org.lfr.deployment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.InputValidation;
import org.lfr.common.NotFoundException;
import org.lfr.common.Now;
import org.lfr.common.Offload;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** An officer drafts a deployment — where, why, when, which cameras — and submits it for a supervisor's decision. */
@ApplicationScoped
public class DeploymentDrafting {

    private final Now now;
    private final InputValidation validation;
    private final DeploymentInputRules rules;
    private final AuditedChange audited;
    private final DeploymentChanges changes;
    private final WatchlistReadiness watchlist;
    private final CameraUrlPolicy urls;
    private final SignageRecord signage;

    DeploymentDrafting(Now now, InputValidation validation, DeploymentInputRules rules, AuditedChange audited,
            DeploymentChanges changes, WatchlistReadiness watchlist, CameraUrlPolicy urls, SignageRecord signage) {
        this.signage = signage;
        this.now = now;
        this.validation = validation;
        this.rules = rules;
        this.audited = audited;
        this.changes = changes;
        this.watchlist = watchlist;
        this.urls = urls;
    }

    public Uni<DeploymentView> create(Actor actor, DeploymentInput input) {
        rules.validate(input);
        return audited.run(actor, AuditAction.DEPLOYMENT_CREATED, AuditSubject.DEPLOYMENT, null, () -> Deployment
                .count("reference", input.reference()).chain(existing -> {
                    if (existing > 0) {
                        throw new ConflictException("a deployment with reference " + input.reference() + " exists");
                    }
                    Deployment d = new Deployment();
                    d.id = UUID.randomUUID();
                    rules.apply(d, input);
                    d.status = DeploymentStatus.DRAFT;
                    d.createdBy = actor.username();
                    d.operators = List.of(actor.username()); // the drafter operates it until someone else is assigned
                    d.createdAt = now.instant();
                    return d.persist().chain(() -> watchlist.open(d.id)).chain(() -> DeploymentQueries.view(d))
                            .map(v -> Audited.of(v, d.id, Map.of("reference", d.reference, "location", d.locationName)));
                }));
    }

    public Uni<DeploymentView> update(Actor actor, UUID id, DeploymentInput input) {
        rules.validate(input);
        return changes.change(actor, AuditAction.DEPLOYMENT_UPDATED, id, d -> {
            d.summary().requireDraftedBy(actor);
            Transition.EDIT.requireFrom(d.summary());
            InputValidation.require(d.reference.equals(input.reference()), "reference", "cannot be changed");
            rules.apply(d, input);
            return DeploymentChanges.noDetails();
        });
    }

    /** A stream camera's URL is checked against the camera policy (off the event loop: it resolves the host). */
    public Uni<DeploymentView> addCamera(Actor actor, UUID deploymentId, CameraInput input) {
        validation.check(input);
        boolean streaming = input.streamUrl() != null && !input.streamUrl().isBlank();
        InputValidation.require(input.pushMode() != streaming, "camera",
                "give either a streamUrl or pushMode=true, not both or neither");
        InputValidation.require(input.pushMode() || input.deviceClientId() == null, "deviceClientId",
                "only a push camera has a device client");
        Uni<CameraUrlPolicy.StreamTarget> checked = streaming
                ? Offload.blocking(() -> urls.check(input.streamUrl())) : Uni.createFrom().nullItem();
        return checked.chain(stream -> changes.change(actor, AuditAction.CAMERA_ADDED, deploymentId, d -> {
            d.summary().requireDraftedBy(actor);
            Transition.ADD_CAMERA.requireFrom(d.summary());
            return Camera.count("deploymentId = ?1 and name = ?2", d.id, input.name()).chain(n -> {
                if (n > 0) {
                    throw new ConflictException("camera " + input.name() + " already exists in this deployment");
                }
                Camera c = new Camera();
                c.id = UUID.randomUUID();
                c.deploymentId = d.id;
                c.name = input.name();
                c.streamUrl = stream == null ? null : stream.url();
                c.streamCredentials = stream == null ? null : stream.credentials();
                c.streamQuerySecrets = stream == null ? null : stream.querySecrets();
                c.pushMode = input.pushMode();
                c.deviceClientId = input.deviceClientId();
                c.positionDescription = input.positionDescription();
                return c.persist().replaceWith(Map.of("camera", c.name, "pushMode", c.pushMode,
                        "hasCredentials", c.streamCredentials != null || c.streamQuerySecrets != null));
            });
        }));
    }

    /**
     * Takes a camera off a draft (planned in the wrong place, say): only while DRAFT, by whoever may add one. A sign
     * recorded for it goes with it (it stood for this camera); the audit event says so. An unknown camera is
     * {@code not-found}, and nothing changes.
     */
    public Uni<DeploymentView> removeCamera(Actor actor, UUID cameraId) {
        return Panache.withSession(() -> Camera.<Camera>findById(cameraId)).chain(found -> {
            if (found == null) {
                throw new NotFoundException("camera", cameraId);
            }
            return changes.change(actor, AuditAction.CAMERA_REMOVED, found.deploymentId, d -> {
                d.summary().requireDraftedBy(actor);
                Transition.REMOVE_CAMERA.requireFrom(d.summary());
                // the bulk delete runs at once, so the view after it lists the cameras left
                return signage.camerasWithSigns(d.id).chain(signed -> Camera.delete("id", cameraId)
                        .replaceWith(Map.of("camera", found.name, "hadSign", signed.contains(cameraId))));
            });
        });
    }

    /**
     * The drafting officer submits their draft; a supervisor may also submit someone else's (when its author is off
     * shift, say). Another officer may not. Submitting decides nothing: four-eyes is enforced at authorisation.
     */
    public Uni<DeploymentView> submit(Actor actor, UUID id) {
        return changes.transition(actor, AuditAction.DEPLOYMENT_SUBMITTED, id, d -> {
            d.summary().requireDraftedByOrSupervisor(actor, "submit");
            Transition.SUBMIT.requireFrom(d.summary());
            d.status = DeploymentStatus.SUBMITTED;
            d.submittedBy = actor.username();
            d.submittedAt = now.instant();
            return DeploymentChanges.noDetails();
        });
    }
}
