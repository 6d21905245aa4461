package org.lfr.notice;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.audit.AuditService;
import org.lfr.common.Actor;
import org.lfr.common.InputValidation;
import org.lfr.deployment.Deployment;
import org.lfr.persistence.SeparateSession;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Advance community notices. Publishing is timestamped by the service: a notice cannot be backdated. */
@ApplicationScoped
public class NoticeService {

    @Inject
    Clock clock;
    @Inject
    InputValidation validation;
    @Inject
    AuditService audit;
    @Inject
    SeparateSession separate;

    public Uni<NoticeView> publish(Actor actor, UUID deploymentId, NoticeInput input) {
        validation.check(input);
        return Panache.withTransaction(() -> Deployment.requireNotEnded(deploymentId)
                .chain(d -> {
                    CommunityNotice n = new CommunityNotice();
                    n.id = UUID.randomUUID();
                    n.deploymentId = deploymentId;
                    n.channels = input.channels().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
                    n.area = input.area();
                    n.text = input.text();
                    n.consultationNotes = input.consultationNotes();
                    n.publishedBy = actor.username();
                    n.publishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return n.persist().chain(() -> audit.record(actor, "NOTICE_PUBLISHED", "deployment", deploymentId,
                            Map.of("notice", n.id.toString(), "channels", n.channels))).replaceWith(NoticeView.of(n));
                }));
    }

    public Uni<List<NoticeView>> forDeployment(UUID deploymentId) {
        return separate.read(s -> s.createSelectionQuery("from CommunityNotice where deploymentId = ?1"
                + " order by publishedAt", CommunityNotice.class).setParameter(1, deploymentId).getResultList()
                .map(list -> list.stream().map(NoticeView::of).toList()));
    }
}
