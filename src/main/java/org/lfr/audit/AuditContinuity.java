package org.lfr.audit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;

/**
 * Whether the trail is whole across a restore from backup: a restored database holds the chain up to the backup's head
 * only, and that prefix verifies like any chain. The last head known before the restore (the backup's manifest, kept in
 * the restore marker) tells the DPO which events are missing.
 */
@Description("The audit trail across a restore from backup: the last chain head known before it, and what was lost.")
public record AuditContinuity(
        @Description("When the backup was taken") Instant backupTakenAt,
        @Description("When it was restored") Instant restoredAt,
        @Description("The last chain head known before the restore (the backup's manifest): sequence") Long lastKnownHeadSeq,
        @Description("The last chain head known before the restore: its hash") String lastKnownHeadHash,
        @Description("The last chain head known before the restore: when it occurred") Instant lastKnownHeadAt,
        @Description("Whether the current chain holds that event with that hash") boolean lastKnownHeadInChain,
        @Description("For people: what was lost, or why the chain does not match the backup") String summary) {

    /** What the DPO reads, from the restore marker's facts and whether the chain holds its head. */
    public static AuditContinuity of(Instant backupTakenAt, Instant restoredAt, Long headSeq, String headHash,
            Instant headAt, boolean headInChain) {
        String summary;
        if (!headInChain) {
            summary = "The audit chain does not hold the backup's last event #" + headSeq + " (hash " + headHash
                    + "): this trail is not the one the backup recorded.";
        } else if (headSeq == null) {
            summary = "Restored on " + restoredAt + " from a backup of " + backupTakenAt + " that held no audit"
                    + " event: every event before the restore was lost.";
        } else {
            summary = "Events after #" + headSeq + " on " + headAt + " were lost in the restore: the database was"
                    + " restored on " + restoredAt + " from a backup taken " + backupTakenAt + ", and the trail holds"
                    + " nothing of what happened in between.";
        }
        return new AuditContinuity(backupTakenAt, restoredAt, headSeq, headHash, headAt, headInChain, summary);
    }
}
