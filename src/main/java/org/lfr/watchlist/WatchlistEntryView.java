package org.lfr.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WatchlistEntry")
public record WatchlistEntryView(@Id @NonNull UUID id, @Id UUID deploymentId, String subjectReference, WatchlistCategory category,
        String legalBasis, String imageSource, LocalDate imageDate, String justification, boolean subjectUnder18,
        boolean needsOverride, String overrideReason, String overrideBy, Instant overrideAt, String addedBy,
        Instant addedAt, boolean hasImage, boolean hasEmbedding, Instant imagePurgedAt,
        @Description("This entry's own expected false-alert rate at the deployment's threshold: the share of a cohort of"
                + " faces of people on no watchlist that score at or above it with the entry's photo; when none does,"
                + " the 95 % upper bound (see expectedFalseAlerts). Null without an embedding or a cohort of the"
                + " running models (docs/FAIRNESS.md).") Double expectedFalseAlertRate,
        @Description("The same rate in words, saying whether it is an estimate or an upper bound.") String expectedFalseAlerts,
        @Description("How many times the rate the calibration expects of one entry this entry's rate is; null when"
                + " no cohort face reached the threshold or there is no calibration.") Double lookalikeMultiple,
        @Description("For the approving supervisor: why this photo is expected to alert far more often than the"
                + " list's calibrated rate; null when it is not flagged.") String lookalikeWarning) {
}
