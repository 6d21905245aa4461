package org.lfr.notice;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.InputValidation;
import org.lfr.common.Now;
import org.lfr.deployment.DeploymentQueries;
import org.lfr.deployment.DeploymentSummary;
import org.lfr.persistence.OwnSession;

import io.smallrye.mutiny.Uni;

/** Advance community notices. Publishing is timestamped by the service: a notice cannot be backdated. */
@ApplicationScoped
public class NoticeService {

    private final Now now;
    private final InputValidation validation;
    private final AuditedChange audited;
    private final DeploymentQueries deployments;
    private final NoticeQueries queries;

    NoticeService(Now now, InputValidation validation, AuditedChange audited, DeploymentQueries deployments,
            NoticeQueries queries) {
        this.now = now;
        this.validation = validation;
        this.audited = audited;
        this.deployments = deployments;
        this.queries = queries;
    }

    public Uni<NoticeView> publish(Actor actor, UUID deploymentId, NoticeInput input) {
        validation.check(input);
        return audited.run(actor, AuditAction.NOTICE_PUBLISHED, AuditSubject.DEPLOYMENT, deploymentId, () -> deployments
                .summary(deploymentId).invoke(d -> d.requireOperatedByOrSupervisor(actor))
                .invoke(DeploymentSummary::requireNotEnded).chain(d -> {
                    CommunityNotice n = new CommunityNotice();
                    n.id = UUID.randomUUID();
                    n.deploymentId = deploymentId;
                    n.channels = input.channels().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
                    n.area = input.area();
                    n.text = input.text();
                    n.consultationNotes = input.consultationNotes();
                    n.publishedBy = actor.username();
                    n.publishedAt = now.instant();
                    return n.persist().replaceWith(Audited.of(NoticeView.of(n), deploymentId,
                            Map.of("notice", n.id.toString(), "channels", n.channels)));
                }));
    }

    @OwnSession
    public Uni<List<NoticeView>> forDeployment(UUID deploymentId) {
        return queries.ofDeployment(deploymentId);
    }
}
