package org.lfr.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.APPROVER;
import static org.lfr.support.Fixtures.DRAFTER;
import static org.lfr.support.Fixtures.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.Sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** A copy of the audit chain's head outside the database: one JSON line in the log at each record's publication. */
@QuarkusTest
class ChainHeadLogTest {

    @Inject
    DeploymentService deployments;
    @Inject
    DeploymentRecordService records;

    @Test
    void publishingARecordLogsTheChainHeadAsOneJsonLine() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.lfr.audit.chain-head");
        logger.addHandler(capture);
        try {
            DeploymentView d = Fixtures.active(DRAFTER);
            await(() -> deployments.stop(DRAFTER, d.id()));
            await(() -> records.generateDue());
            await(() -> records.publish(APPROVER, d.id()));

            assertThat(lines).hasSize(1);
            JsonNode line = new ObjectMapper().readTree(lines.get(0));
            long head = Sql.count("select max(seq) from audit_event where action = 'DEPLOYMENT_RECORD_PUBLISHED'"
                    + " and subject_id = ?", d.id().toString());
            assertThat(line.at("/auditChainHead/seq").asLong()).isEqualTo(head);
            assertThat(line.at("/auditChainHead/hash").asText()).isEqualTo(Sql.strings("select hash from audit_event"
                    + " where seq = ?", head).get(0));
            assertThat(line.at("/deploymentId").asText()).isEqualTo(d.id().toString());
        } finally {
            logger.removeHandler(capture);
        }
    }
}
