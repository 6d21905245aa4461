package org.lfr.transparency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PublicNotice")
public record PublicNoticeView(@Id @NonNull UUID id, String deploymentReference, String locationName, Instant plannedStart,
        Instant plannedEnd, List<String> channels, String area, String text, Instant publishedAt) {
}
