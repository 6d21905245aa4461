package org.lfr.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.deployment.DeploymentView;
import org.lfr.retention.WatchlistPurge;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A finished deployment's enrolment images and embeddings go; its entries' metadata stays for the record. */
@ApplicationScoped
class WatchlistPurgeAdapter implements WatchlistPurge {

    private final DeploymentQueries deployments;

    WatchlistPurgeAdapter(DeploymentQueries deployments) {
        this.deployments = deployments;
    }

    @Override
    public Uni<List<Due>> due() {
        return deployments.inStatus(DeploymentStatus.ENDED).chain(ended -> {
            if (ended.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return Watchlist.<Watchlist>list("purgedAt is null and deploymentId in ?1",
                    ended.stream().map(DeploymentView::id).toList()).map(unpurged -> {
                        Set<UUID> ids = unpurged.stream().map(w -> w.deploymentId).collect(java.util.stream.Collectors.toSet());
                        return ended.stream().filter(d -> ids.contains(d.id()))
                                .sorted(java.util.Comparator.comparing(DeploymentView::endedAt,
                                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                                .map(d -> new Due(d.id(), d.reference(), d.endedAt())).toList();
                    });
        });
    }

    @Override
    public Uni<Purged> purge(UUID deploymentId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from enrolment_image where watchlist_entry_id"
                + " in (select id from watchlist_entry where deployment_id = :d)").setParameter("d", deploymentId)
                .executeUpdate()
                .chain(images -> s.createNativeQuery("delete from enrolment_embedding where watchlist_entry_id in"
                        + " (select id from watchlist_entry where deployment_id = :d)")
                        .setParameter("d", deploymentId).executeUpdate()
                        .chain(embeddings -> s.createNativeQuery("update watchlist_entry set image_purged_at = :at"
                                + " where deployment_id = :d and image_purged_at is null")
                                .setParameter("at", at).setParameter("d", deploymentId).executeUpdate()
                                .chain(() -> Watchlist.<Watchlist>findById(deploymentId))
                                .invoke(w -> w.purgedAt = at)
                                .replaceWith(new Purged(images, embeddings)))));
    }
}
