package org.lfr.deployment;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;

import io.smallrye.mutiny.Uni;

/** Every change to a deployment: loaded, changed, audited in one transaction, and (for status changes) published. */
@ApplicationScoped
class DeploymentChanges {

    private final AuditedChange audited;
    private final DeploymentEvents events;

    DeploymentChanges(AuditedChange audited, DeploymentEvents events) {
        this.audited = audited;
        this.events = events;
    }

    /** A change within the deployment's status, audited; not a status-change event. */
    Uni<DeploymentView> change(Actor actor, AuditAction action, UUID id,
            Function<Deployment, Uni<? extends Map<String, ?>>> change) {
        return audited.run(actor, action, AuditSubject.DEPLOYMENT, id, () -> Deployment.require(id)
                .chain(d -> change.apply(d).chain(details -> DeploymentQueries.view(d)
                        .map(v -> Audited.of(v, d.id, details)))));
    }

    /** A status change, audited, and announced to every replica's subscribers once committed. */
    Uni<DeploymentView> transition(Actor actor, AuditAction action, UUID id,
            Function<Deployment, Uni<? extends Map<String, ?>>> change) {
        return change(actor, action, id, d -> change.apply(d).call(() -> events.announce(d.id)));
    }

    static Uni<Map<String, Object>> noDetails() {
        return Uni.createFrom().item(Map.of());
    }
}
