package org.lfr.transparency;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.deployment.Deployment;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.notice.CommunityNotice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What the public may read without signing in. */
@ApplicationScoped
public class PublicService {

    private static final EnumSet<DeploymentStatus> PUBLIC_STATUSES = EnumSet.of(DeploymentStatus.AUTHORISED,
            DeploymentStatus.ACTIVE, DeploymentStatus.PAUSED, DeploymentStatus.SUSPENDED);

    public Uni<List<PublicDeploymentView>> plannedAndActive() {
        return Panache.withSession(() -> Deployment.<Deployment>list("status in ?1 order by plannedStart",
                PUBLIC_STATUSES).map(list -> list.stream().map(d -> new PublicDeploymentView(d.id, d.reference,
                        d.locationName, d.latitude, d.longitude, d.areaDescription, d.plannedStart, d.plannedEnd,
                        d.status == DeploymentStatus.AUTHORISED ? "PLANNED" : d.status.name())).toList()));
    }

    public Uni<List<PublicNoticeView>> notices() {
        return Panache.withSession(() -> CommunityNotice.<CommunityNotice>list("order by publishedAt desc")
                .chain(notices -> {
                    List<UUID> ids = notices.stream().map(n -> n.deploymentId).distinct().toList();
                    return (ids.isEmpty() ? Uni.createFrom().item(List.<Deployment>of())
                            : Deployment.<Deployment>list("id in ?1", ids)).map(deployments -> {
                                Map<UUID, Deployment> byId = deployments.stream()
                                        .collect(Collectors.toMap(d -> d.id, Function.identity()));
                                return notices.stream().map(n -> {
                                    Deployment d = byId.get(n.deploymentId);
                                    return new PublicNoticeView(n.id, d.reference, d.locationName, d.plannedStart,
                                            d.plannedEnd, n.channelList().stream().map(Enum::name).toList(), n.area,
                                            n.text, n.publishedAt);
                                }).toList();
                            });
                }));
    }
}
