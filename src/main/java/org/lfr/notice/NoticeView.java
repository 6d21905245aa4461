package org.lfr.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CommunityNotice")
public record NoticeView(@Id @NonNull UUID id, @Id UUID deploymentId, List<NoticeChannel> channels, String area, String text,
        String consultationNotes, String publishedBy, Instant publishedAt) {

    public static NoticeView of(CommunityNotice n) {
        return new NoticeView(n.id, n.deploymentId, n.channelList(), n.area, n.text, n.consultationNotes,
                n.publishedBy, n.publishedAt);
    }
}
