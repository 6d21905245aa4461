package org.lfr.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.persistence.OwnSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Walks the chain in order and reports the first event whose hash or link does not hold. */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 500;

    public record Verification(boolean intact, long eventsChecked, Long firstBrokenSeq, String firstBrokenId,
            String problem) {
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
