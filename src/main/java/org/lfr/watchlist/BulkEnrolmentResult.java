package org.lfr.watchlist;

/**
 * One file of a bulk enrolment, reported as soon as it is done: {@code done} of {@code total} files so far.
 * {@code status} is ENROLLED, REJECTED (with the enrolment rejection as {@code reason}) or NO_ENTRY (no watchlist
 * entry has that subject reference).
 */
public record BulkEnrolmentResult(int done, int total, String file, String subjectReference, String status,
        String reason) {
}
