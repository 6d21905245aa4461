package org.lfr.retention;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/** What retention asks of the alert feature (which implements it), in the caller's session and transaction. */
public interface AlertRetention {

    record Counts(long dueForDeletion, long onLegalHold, long retained) {
    }

    /** Deletes alerts (and their crops) that occurred before {@code cutoff}, unless on legal hold; how many. */
    Uni<Integer> deleteOccurredBefore(Instant cutoff);

    Uni<Counts> counts(Instant cutoff);
}
