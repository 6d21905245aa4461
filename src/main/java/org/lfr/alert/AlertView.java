package org.lfr.alert;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Type;

@Type("Alert")
public record AlertView(UUID id, UUID deploymentId, UUID cameraId, UUID watchlistEntryId, String subjectReference,
        Instant occurredAt, double similarity, boolean hasCrop, Adjudication adjudication, String adjudicatedBy,
        Instant adjudicatedAt, Outcome outcome, String outcomeNotes, String legalHoldReason, String legalHoldBy,
        Instant legalHoldAt) {

    static AlertView of(Alert a, String subjectReference, boolean hasCrop) {
        return new AlertView(a.id, a.deploymentId, a.cameraId, a.watchlistEntryId, subjectReference, a.occurredAt,
                a.similarity, hasCrop, a.adjudication, a.adjudicatedBy, a.adjudicatedAt, a.outcome, a.outcomeNotes,
                a.legalHoldReason, a.legalHoldBy, a.legalHoldAt);
    }
}
