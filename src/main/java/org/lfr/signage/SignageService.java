package org.lfr.signage;

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
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentSummary;
import org.lfr.persistence.OwnSession;

import io.smallrye.mutiny.Uni;

/** Signs at each camera and leaflets handed out: the public must be told LFR is in use. */
@ApplicationScoped
public class SignageService {

    private final Now now;
    private final InputValidation validation;
    private final AuditedChange audited;
    private final DeploymentQueries deployments;
    private final SignageQueries queries;

    SignageService(Now now, InputValidation validation, AuditedChange audited, DeploymentQueries deployments,
            SignageQueries queries) {
        this.now = now;
        this.validation = validation;
        this.audited = audited;
        this.deployments = deployments;
        this.queries = queries;
    }

    public Uni<SignageView> place(Actor actor, UUID cameraId, SignageInput input) {
        validation.check(input);
        return audited.run(actor, AuditAction.SIGNAGE_PLACED, AuditSubject.DEPLOYMENT, null, () -> deployments
                .requireCamera(cameraId).chain(camera -> deployments.summary(camera.deploymentId())
                        .invoke(d -> d.requireOperatedByOrSupervisor(actor))
                        .invoke(DeploymentSummary::requireNotEnded).chain(d -> {
                            Signage s = new Signage();
                            s.id = UUID.randomUUID();
                            s.cameraId = cameraId;
                            s.deploymentId = camera.deploymentId();
                            s.signTextVersion = input.signTextVersion();
                            s.photoReference = input.photoReference();
                            s.placedBy = actor.username();
                            s.placedAt = now.instant();
                            return s.persist().replaceWith(Audited.of(SignageView.of(s), d.id(),
                                    Map.of("camera", camera.name(), "signage", s.id.toString())));
                        })));
    }

    public Uni<SignageView> remove(Actor actor, UUID signageId) {
        return audited.run(actor, AuditAction.SIGNAGE_REMOVED, AuditSubject.DEPLOYMENT, null, () -> Signage
                .<Signage>findById(signageId)
                .onItem().ifNull().failWith(() -> new NotFoundException("signage", signageId))
                .call(s -> deployments.summary(s.deploymentId).invoke(d -> d.requireOperatedByOrSupervisor(actor)))
                .map(s -> {
                    if (s.removedAt != null) {
                        throw new ConflictException("signage " + signageId + " was already removed");
                    }
                    s.removedBy = actor.username();
                    s.removedAt = now.instant();
                    return Audited.of(SignageView.of(s), s.deploymentId, Map.of("signage", s.id.toString()));
                }));
    }

    public Uni<LeafletView> recordLeaflets(Actor actor, UUID deploymentId, int count) {
        InputValidation.require(count > 0 && count <= 100_000, "count", "must be between 1 and 100000");
        return audited.run(actor, AuditAction.LEAFLETS_RECORDED, AuditSubject.DEPLOYMENT, deploymentId, () -> deployments
                .summary(deploymentId).invoke(d -> d.requireOperatedByOrSupervisor(actor))
                .invoke(DeploymentSummary::requireNotEnded).chain(d -> {
                    LeafletDistribution l = new LeafletDistribution();
                    l.id = UUID.randomUUID();
                    l.deploymentId = deploymentId;
                    l.count = count;
                    l.handedOutBy = actor.username();
                    l.handedOutAt = now.instant();
                    return l.persist().replaceWith(Audited.of(LeafletView.of(l), deploymentId, Map.of("count", count)));
                }));
    }

    @OwnSession
    public Uni<List<SignageView>> signage(UUID deploymentId) {
        return queries.signage(deploymentId);
    }

    @OwnSession
    public Uni<List<LeafletView>> leaflets(UUID deploymentId) {
        return queries.leaflets(deploymentId);
    }
}
