package org.lfr.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.deployment.NoticeRecord;

import io.smallrye.mutiny.Uni;

/** Reads of notices for the features built on them (the start gate, the public pages), in the caller's session. */
@ApplicationScoped
public class NoticeQueries implements NoticeRecord {

    public Uni<List<NoticeView>> ofDeployment(UUID deploymentId) {
        return CommunityNotice.<CommunityNotice>list("deploymentId = ?1 order by publishedAt", deploymentId)
                .map(list -> list.stream().map(NoticeView::of).toList());
    }

    /** Every notice, newest first: all of them are public once published. */
    public Uni<List<NoticeView>> all() {
        return CommunityNotice.<CommunityNotice>list("order by publishedAt desc")
                .map(list -> list.stream().map(NoticeView::of).toList());
    }

    @Override
    public Uni<List<Instant>> publishedAt(UUID deploymentId) {
        return ofDeployment(deploymentId).map(list -> list.stream().map(NoticeView::publishedAt).toList());
    }
}
