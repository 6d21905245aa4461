package org.lfr.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.persistence.OwnSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Walks the chain in order and reports the first event whose hash or link does not hold. */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 500;

    /**
     * {@code intact}: every hash and link holds. {@code continuity}: where the database was restored from a backup,
     * whether the chain still holds the backup's head and which events the restore lost (null: never restored).
     */
    public record Verification(boolean intact, long eventsChecked, Long firstBrokenSeq, String firstBrokenId,
            String problem, AuditContinuity continuity) {

        Verification(boolean intact, long eventsChecked, Long firstBrokenSeq, String firstBrokenId, String problem) {
            this(intact, eventsChecked, firstBrokenSeq, firstBrokenId, problem, null);
        }

        public Verification withContinuity(AuditContinuity continuity) {
            return new Verification(intact, eventsChecked, firstBrokenSeq, firstBrokenId, problem, continuity);
        }
    }

    /** The chain's last event (null when there is none), in the caller's session. */
    public Uni<ChainHead> head() {
        return AuditEvent.<AuditEvent>find("order by seq desc").firstResult()
                .map(e -> e == null ? null : new ChainHead(e.seq, e.hash, e.occurredAt));
    }

    /** The hash of the event at {@code seq}, or null when the chain holds no such event; in the caller's session. */
    public Uni<String> hashAt(long seq) {
        return AuditEvent.<AuditEvent>find("seq", seq).firstResult().map(e -> e == null ? null : e.hash);
    }

    private static final class Walk {
        String prevHash = AuditHash.GENESIS;
        long checked;
        long lastSeq;
        Verification broken;
    }

    @OwnSession
    public Uni<Verification> verify() {
        Walk walk = new Walk();
        return Multi.createBy().repeating()
                .uni(() -> AuditEvent.<AuditEvent>find("seq > ?1 order by seq", walk.lastSeq).page(0, PAGE).list())
                .until(page -> page.isEmpty() || walk.broken != null)
                .onItem().invoke(page -> page.forEach(event -> check(walk, event)))
                .collect().last()
                .replaceWith(() -> walk.broken != null ? walk.broken
                        : new Verification(true, walk.checked, null, null, null));
    }

    private static void check(Walk walk, AuditEvent event) {
        if (walk.broken != null) {
            return;
        }
        walk.lastSeq = event.seq;
        if (!walk.prevHash.equals(event.prevHash)) {
            walk.broken = new Verification(false, walk.checked, event.seq, event.id.toString(),
                    "prev_hash does not match the hash of the event before it");
        } else if (!AuditHash.of(event).equals(event.hash)) {
            walk.broken = new Verification(false, walk.checked, event.seq, event.id.toString(),
                    "content does not match its hash");
        } else {
            walk.prevHash = event.hash;
            walk.checked++;
        }
    }
}
