package org.lfr.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WatchlistEntry")
public record WatchlistEntryView(@Id @NonNull UUID id, @Id UUID deploymentId, String subjectReference, WatchlistCategory category,
        String legalBasis, String imageSource, LocalDate imageDate, String justification, boolean subjectUnder18,
        boolean needsOverride, String overrideReason, String overrideBy, Instant overrideAt, String addedBy,
        Instant addedAt, boolean hasImage, boolean hasEmbedding, Instant imagePurgedAt) {
}
