package org.lfr.watchlist;

/**
 * One line of a bulk enrolment's progress, reported as soon as it is known: a file ({@code done} files so far) with
 * its {@code status} — ENROLLED, REJECTED (the enrolment rejection as {@code reason}), NO_ENTRY (no watchlist entry
 * has that subject reference) — and a last line FINISHED, or STOPPED with the reason when a limit of the archive was
 * reached (the files before it stay enrolled).
 */
public record BulkEnrolmentResult(int done, String file, String subjectReference, Status status, String reason) {

    public enum Status {
        ENROLLED, REJECTED, NO_ENTRY, FINISHED, STOPPED
    }
}
