package org.lfr.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over every field of an event plus the previous event's hash: change any byte and the chain breaks. */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(AuditEvent e) {
        String canonical = String.join("\u001f", e.id.toString(), e.occurredAt.toString(), e.actor, e.action,
                e.subjectType, e.subjectId == null ? "" : e.subjectId, e.details, e.prevHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is always available", e1);
        }
    }
}
