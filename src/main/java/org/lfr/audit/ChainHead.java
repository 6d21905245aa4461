package org.lfr.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit chain's last event. Written to the service log as one JSON line at each deployment record's publication
 * (and by scripts/backup at each backup), so that a copy of the chain head lives outside the database: after a
 * restore the DPO can tell which events were lost.
 */
public record ChainHead(long seq, String hash, Instant occurredAt) {

    private static final Logger LOG = Logger.getLogger("org.lfr.audit.chain-head");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Logs {@code head} (null: an empty chain) as one JSON line: {@code {"auditChainHead": {...}, "at": ...}}. */
    public static void log(ChainHead head, String at, Map<String, ?> context) {
        Map<String, Object> line = new LinkedHashMap<>();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("seq", head == null ? null : head.seq());
        h.put("hash", head == null ? null : head.hash());
        h.put("occurredAt", head == null ? null : head.occurredAt().toString());
        line.put("auditChainHead", h);
        line.put("at", at);
        line.putAll(context);
        try {
            LOG.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warnf("the audit chain head could not be logged: %s", e.getMessage());
        }
    }
}
