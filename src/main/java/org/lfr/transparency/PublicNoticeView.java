package org.lfr.transparency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Type;

@Type("PublicNotice")
public record PublicNoticeView(UUID id, String deploymentReference, String locationName, Instant plannedStart,
        Instant plannedEnd, List<String> channels, String area, String text, Instant publishedAt) {
}
