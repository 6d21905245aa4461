package org.lfr.signage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.audit.AuditService;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.InputValidation;
import org.lfr.common.NotFoundException;
import org.lfr.deployment.Camera;
import org.lfr.deployment.Deployment;
import org.lfr.persistence.SeparateSession;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Signs at each camera and leaflets handed out: the public must be told LFR is in use. */
@ApplicationScoped
public class SignageService {

    @Inject
    Clock clock;
    @Inject
    InputValidation validation;
    @Inject
    AuditService audit;
    @Inject
    SeparateSession separate;

    public Uni<SignageView> place(Actor actor, UUID cameraId, SignageInput input) {
        validation.check(input);
        return Panache.withTransaction(() -> Camera.<Camera>findById(cameraId)
                .onItem().ifNull().failWith(() -> new NotFoundException("camera", cameraId))
                .chain(camera -> Deployment.requireNotEnded(camera.deploymentId).chain(d -> {
                    Signage s = new Signage();
                    s.id = UUID.randomUUID();
                    s.cameraId = cameraId;
                    s.deploymentId = camera.deploymentId;
                    s.signTextVersion = input.signTextVersion();
                    s.photoReference = input.photoReference();
                    s.placedBy = actor.username();
                    s.placedAt = now();
                    return s.persist().chain(() -> audit.record(actor, "SIGNAGE_PLACED", "deployment", d.id,
                            Map.of("camera", camera.name, "signage", s.id.toString()))).replaceWith(SignageView.of(s));
                })));
    }

    public Uni<SignageView> remove(Actor actor, UUID signageId) {
        return Panache.withTransaction(() -> Signage.<Signage>findById(signageId)
                .onItem().ifNull().failWith(() -> new NotFoundException("signage", signageId))
                .chain(s -> {
                    if (s.removedAt != null) {
                        throw new ConflictException("signage " + signageId + " was already removed");
                    }
                    s.removedBy = actor.username();
                    s.removedAt = now();
                    return audit.record(actor, "SIGNAGE_REMOVED", "deployment", s.deploymentId,
                            Map.of("signage", s.id.toString())).replaceWith(SignageView.of(s));
                }));
    }

    public Uni<LeafletView> recordLeaflets(Actor actor, UUID deploymentId, int count) {
        InputValidation.require(count > 0 && count <= 100_000, "count: must be between 1 and 100000");
        return Panache.withTransaction(() -> Deployment.requireNotEnded(deploymentId).chain(d -> {
            LeafletDistribution l = new LeafletDistribution();
            l.id = UUID.randomUUID();
            l.deploymentId = deploymentId;
            l.count = count;
            l.handedOutBy = actor.username();
            l.handedOutAt = now();
            return l.persist().chain(() -> audit.record(actor, "LEAFLETS_RECORDED", "deployment", deploymentId,
                    Map.of("count", count))).replaceWith(LeafletView.of(l));
        }));
    }

    public Uni<List<SignageView>> signage(UUID deploymentId) {
        return separate.read(s -> s.createSelectionQuery("from Signage where deploymentId = ?1 order by placedAt",
                Signage.class).setParameter(1, deploymentId).getResultList()
                .map(list -> list.stream().map(SignageView::of).toList()));
    }

    public Uni<List<LeafletView>> leaflets(UUID deploymentId) {
        return separate.read(s -> s.createSelectionQuery("from LeafletDistribution where deploymentId = ?1"
                + " order by handedOutAt", LeafletDistribution.class).setParameter(1, deploymentId).getResultList()
                .map(list -> list.stream().map(LeafletView::of).toList()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
