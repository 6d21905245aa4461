package org.lfr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class AuditChainTest {

    static final String VERIFY = "{ verifyAuditChain { intact eventsChecked firstBrokenSeq firstBrokenId problem } }";

    /** The service's own database role has no right to change the trail, nor to switch its trigger off. */
    @Test
    void theServiceCannotUpdateOrDeleteAuditEvents() {
        Fixtures.draft(Fixtures.DRAFTER);
        long events = Sql.count("select count(*) from audit_event");
        assertThatThrownBy(() -> Sql.update("update audit_event set actor = 'someone' where seq = (select max(seq) from audit_event)"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Sql.update("delete from audit_event where seq = (select max(seq) from audit_event)"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Sql.update("truncate audit_event")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Sql.update("alter table audit_event disable trigger audit_event_append_only"))
                .hasMessageContaining("must be owner");
        // positive control: the same role may append, and the owner is held back by the trigger
        assertThat(Sql.count("select count(*) from audit_event")).isEqualTo(events);
        assertThat(Sql.count("select count(*) from information_schema.role_table_grants where table_name = 'audit_event'"
                + " and grantee = current_user and privilege_type = 'INSERT'")).isEqualTo(1);
        assertThatThrownBy(() -> Sql.asOwner("update audit_event set actor = 'someone' where seq = (select max(seq)"
                + " from audit_event)")).hasMessageContaining("append-only");
    }

    @Test
    @TestSecurity(user = "audit.dpo", roles = "dpo")
    void tamperingWithOneStoredEventIsReportedAtExactlyThatEvent() throws Exception {
        for (int i = 0; i < 3; i++) {
            Fixtures.draft(Fixtures.DRAFTER);
        }
        GraphQL.post(null, VERIFY).body("data.verifyAuditChain.intact", equalTo(true));

        long target = Sql.count("select max(seq) - 2 from audit_event");
        String id;
        String original;
        try (Connection c = Sql.owner().getConnection()) {
            try (PreparedStatement st = c.prepareStatement("select id, details from audit_event where seq = ?")) {
                st.setLong(1, target);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getString(1);
                    original = rs.getString(2);
                }
            }
            // An insider with the schema owner's rights quietly edits one event, bypassing the append-only trigger.
            tamper(c, target, "{\"reference\":\"nothing to see\"}");
            try {
                GraphQL.post(null, VERIFY)
                        .body("data.verifyAuditChain.intact", equalTo(false))
                        .body("data.verifyAuditChain.firstBrokenSeq", equalTo((int) target))
                        .body("data.verifyAuditChain.firstBrokenId", equalTo(id))
                        .body("data.verifyAuditChain.problem", equalTo("content does not match its hash"));
            } finally {
                tamper(c, target, original);
            }
        }
        GraphQL.post(null, VERIFY).body("data.verifyAuditChain.intact", equalTo(true));
    }

    private static void tamper(Connection c, long seq, String details) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("alter table audit_event disable trigger audit_event_append_only");
        }
        try (PreparedStatement st = c.prepareStatement("update audit_event set details = ? where seq = ?")) {
            st.setString(1, details);
            st.setLong(2, seq);
            st.executeUpdate();
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        }
    }
}
