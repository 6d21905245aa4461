package org.lfr.transparency;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.notice.NoticeQueries;
import org.lfr.notice.NoticeView;
import org.lfr.persistence.OwnSession;

import io.smallrye.mutiny.Uni;

/** What the public may read without signing in: where LFR is planned or in use, and the notices. */
@ApplicationScoped
public class PublicService {

    private static final Set<DeploymentStatus> PUBLIC_STATUSES = EnumSet.of(DeploymentStatus.AUTHORISED,
            DeploymentStatus.ACTIVE, DeploymentStatus.PAUSED, DeploymentStatus.SUSPENDED);

    private final DeploymentQueries deployments;
    private final NoticeQueries notices;

    PublicService(DeploymentQueries deployments, NoticeQueries notices) {
        this.deployments = deployments;
        this.notices = notices;
    }

    @OwnSession
    public Uni<List<PublicDeploymentView>> plannedAndActive() {
        return deployments.inStatus(PUBLIC_STATUSES).map(list -> list.stream().map(d -> new PublicDeploymentView(
                d.id(), d.reference(), d.locationName(), d.latitude(), d.longitude(), d.areaDescription(),
                d.plannedStart(), d.plannedEnd(), d.status() == DeploymentStatus.AUTHORISED ? "PLANNED"
                        : d.status().name())).toList());
    }

    @OwnSession
    public Uni<List<PublicNoticeView>> notices() {
        return notices.all().chain(all -> {
            Set<UUID> ids = all.stream().map(NoticeView::deploymentId).collect(Collectors.toSet());
            return deployments.byIds(ids).map(list -> {
                Map<UUID, org.lfr.deployment.DeploymentView> byId = list.stream()
                        .collect(Collectors.toMap(org.lfr.deployment.DeploymentView::id, Function.identity()));
                return all.stream().map(n -> {
                    var d = byId.get(n.deploymentId());
                    return new PublicNoticeView(n.id(), d.reference(), d.locationName(), d.plannedStart(),
                            d.plannedEnd(), n.channels().stream().map(Enum::name).toList(), n.area(), n.text(),
                            n.publishedAt());
                }).toList();
            });
        });
    }
}
