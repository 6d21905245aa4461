package org.lfr.restore;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditContinuity;
import org.lfr.audit.AuditVerifier;
import org.lfr.audit.AuditVerifier.Verification;
import org.lfr.persistence.OwnSession;

import io.smallrye.mutiny.Uni;

/**
 * Adds the restore to a verification of the audit chain: a restored trail is a valid prefix of the lost one, so its
 * hashes alone say "intact". The latest restore marker names the last head known before the restore (the backup's,
 * from its manifest); the DPO sees whether the chain holds it and that the events after it were lost.
 */
@ApplicationScoped
public class RestoreContinuity {

    private final AuditVerifier chain;

    RestoreContinuity(AuditVerifier chain) {
        this.chain = chain;
    }

    @OwnSession
    public Uni<Verification> addTo(Verification verification) {
        return RestoreMarker.<RestoreMarker>find("order by id desc").firstResult().chain(m -> {
            if (m == null) {
                return Uni.createFrom().item(verification);
            }
            Uni<Boolean> inChain = m.headSeq == null ? Uni.createFrom().item(true)
                    : chain.hashAt(m.headSeq).map(hash -> m.headHash != null && m.headHash.equals(hash));
            return inChain.map(found -> verification.withContinuity(AuditContinuity.of(m.backupTakenAt, m.restoredAt,
                    m.headSeq, m.headHash, m.headAt, found)));
        });
    }
}
