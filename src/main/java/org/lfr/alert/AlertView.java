package org.lfr.alert;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.paging.PageRequest;

@Type("Alert")
public record AlertView(@Id @NonNull UUID id, @Id @NonNull UUID deploymentId, @Id @NonNull UUID cameraId,
        @Id @NonNull UUID watchlistEntryId, String subjectReference, @NonNull Instant occurredAt, double similarity,
        boolean hasCrop, Adjudication adjudication, String adjudicatedBy, Instant adjudicatedAt, Outcome outcome,
        String outcomeNotes, String legalHoldReason, String legalHoldBy, Instant legalHoldAt,
        @NonNull @Description("Its place in the recorded order: a subscriber that reconnects asks for"
                + " alerts(after: the cursor of the last alert it saw) and misses nothing.") String cursor) {

    static AlertView of(Alert a, String subjectReference, boolean hasCrop) {
        return new AlertView(a.id, a.deploymentId, a.cameraId, a.watchlistEntryId, subjectReference, a.occurredAt,
                a.similarity, hasCrop, a.adjudication, a.adjudicatedBy, a.adjudicatedAt, a.outcome, a.outcomeNotes,
                a.legalHoldReason, a.legalHoldBy, a.legalHoldAt, PageRequest.encode(String.valueOf(a.seq)));
    }
}
