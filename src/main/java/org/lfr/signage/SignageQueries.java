package org.lfr.signage;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.deployment.SignageRecord;

import io.smallrye.mutiny.Uni;

/** Reads of signs and leaflets for the features built on them (the start gate, records), in the caller's session. */
@ApplicationScoped
public class SignageQueries implements SignageRecord {

    public Uni<List<SignageView>> signage(UUID deploymentId) {
        return Signage.<Signage>list("deploymentId = ?1 order by placedAt", deploymentId)
                .map(list -> list.stream().map(SignageView::of).toList());
    }

    public Uni<List<LeafletView>> leaflets(UUID deploymentId) {
        return LeafletDistribution.<LeafletDistribution>list("deploymentId = ?1 order by handedOutAt", deploymentId)
                .map(list -> list.stream().map(LeafletView::of).toList());
    }

    @Override
    public Uni<Set<UUID>> camerasWithSigns(UUID deploymentId) {
        return Signage.<Signage>list("deploymentId = ?1 and removedAt is null", deploymentId)
                .map(list -> list.stream().map(s -> s.cameraId).collect(Collectors.toSet()));
    }
}
