package org.lfr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;


import org.junit.jupiter.api.Test;
import org.lfr.support.Fixtures;
import org.lfr.support.AuditTamper;
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

        try (AuditTamper tamper = AuditTamper.editEvent(2)) {
            GraphQL.post(null, VERIFY)
                    .body("data.verifyAuditChain.intact", equalTo(false))
                    .body("data.verifyAuditChain.firstBrokenSeq", equalTo((int) tamper.seq))
                    .body("data.verifyAuditChain.firstBrokenId", equalTo(tamper.id))
                    .body("data.verifyAuditChain.problem", equalTo("content does not match its hash"));
        }
        GraphQL.post(null, VERIFY).body("data.verifyAuditChain.intact", equalTo(true));
    }
}
