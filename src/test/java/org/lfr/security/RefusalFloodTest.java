package org.lfr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.bean;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertView;
import org.lfr.audit.RefusalLimiter;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.Sql;
import org.lfr.support.TestClock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A script hammering the API anonymously cannot fill the append-only audit trail nor hold up alert commits: 1,000
 * refused requests in a minute add two audit rows (the first refusal, then one row with the count), every one of
 * them is counted in the metric, and alerts raised meanwhile commit.
 */
@QuarkusTest
class RefusalFloodTest {

    static final int REQUESTS = 1_000;
    static final String OPERATION = "OversightApi.auditTrail"; // refused to anonymous callers: DPO only

    @AfterEach
    void resetClock() {
        bean(TestClock.class).reset();
    }

    @Test
    void aThousandAnonymousRefusalsAddABoundedNumberOfAuditRowsAndAlertsStillCommit() throws Exception {
        DeploymentView active = Fixtures.active(Fixtures.DRAFTER);
        long seq = Sql.count("select coalesce(max(seq), 0) from audit_event");
        double counted = refusedSoFar();

        long started = System.nanoTime();
        CompletableFuture<Void> flood = CompletableFuture.allOf(java.util.stream.IntStream.range(0, 4)
                .mapToObj(t -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < REQUESTS / 4; i++) {
                        GraphQL.post(null, "{ auditTrail(last: 1) { edges { node { seq } } } }").statusCode(200);
                    }
                })).toArray(CompletableFuture[]::new));
        List<AlertView> raised = new java.util.ArrayList<>();
        while (!flood.isDone() || raised.size() < 3) {
            raised.add(Fixtures.alert(active)); // each commits (and takes the audit lock) while the flood runs
        }
        flood.get(5, TimeUnit.MINUTES);
        assertThat(Sql.count("select count(*) from alert where deployment_id = ?", active.id())).isEqualTo(raised.size());

        // every refusal is counted (the auditor observes them asynchronously)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (refusedSoFar() - counted < REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(refusedSoFar() - counted).isEqualTo(REQUESTS);
        // at most two rows a minute (the first refusal, then the count): on a busy machine the flood may span minutes
        long minutes = Duration.ofNanos(System.nanoTime() - started).toMinutes() + 1;
        assertThat(anonymousRefusalRowsAfter(seq)).as("rows during the flood").isLessThanOrEqualTo(2 * minutes);

        // once the minute is over, the rest are one row with their number
        bean(TestClock.class).advance(Duration.ofSeconds(61));
        bean(RefusalLimiter.class).flush();
        assertThat(anonymousRefusalRowsAfter(seq)).as("rows for 1,000 refusals").isBetween(1L, 2 * minutes);
        long audited = Sql.count("select count(*) from audit_event where seq > ? and actor = 'anonymous'"
                + " and action = 'ACCESS_REFUSED' and details like ?", seq, "%" + OPERATION + "%")
                + Sql.strings("select details from audit_event where seq > ? and actor = 'anonymous'"
                        + " and action = 'ACCESS_REFUSED_REPEATED' and details like ?", seq, "%" + OPERATION + "%")
                        .stream().mapToLong(RefusalFloodTest::count).sum();
        assertThat(audited).as("refusals the trail accounts for").isGreaterThanOrEqualTo(REQUESTS);
    }

    /**
     * The services' own refusals (here: an officer not assigned to a deployment trying to start it, again and again)
     * are limited the same way, per caller, refused action and deployment.
     */
    @Test
    void anOfficerRepeatingARefusedMutationAddsABoundedNumberOfRows() {
        DeploymentView d = Fixtures.authorised(Fixtures.DRAFTER);
        long seq = Sql.count("select coalesce(max(seq), 0) from audit_event");
        String dave = org.lfr.support.KeycloakTokensCache.token("dave.officer");
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            GraphQL.refused(dave, "mutation($d: ID!) { startDeployment(id: $d) { status } }",
                    java.util.Map.of("d", d.id().toString()), "forbidden");
        }
        long minutes = Duration.ofNanos(System.nanoTime() - started).toMinutes() + 1;
        bean(TestClock.class).advance(Duration.ofSeconds(61));
        bean(RefusalLimiter.class).flush();
        String rows = "select count(*) from audit_event where seq > ? and actor = 'dave.officer' and action in"
                + " ('DEPLOYMENT_STARTED_REFUSED', 'ACCESS_REFUSED_REPEATED')";
        assertThat(Sql.count(rows, seq)).as("rows for 300 refusals").isBetween(2L, 2 * minutes);
        assertThat(Sql.strings("select details from audit_event where seq > ? and actor = 'dave.officer' and action"
                + " = 'ACCESS_REFUSED_REPEATED'", seq).stream().mapToLong(RefusalFloodTest::count).sum()
                + Sql.count("select count(*) from audit_event where seq > ? and actor = 'dave.officer' and action"
                        + " = 'DEPLOYMENT_STARTED_REFUSED'", seq)).as("refusals accounted for").isEqualTo(300);
    }

    private static long anonymousRefusalRowsAfter(long seq) {
        return Sql.count("select count(*) from audit_event where seq > ? and actor = 'anonymous'"
                + " and action like 'ACCESS_REFUSED%' and details like ?", seq, "%" + OPERATION + "%");
    }

    private static long count(String details) {
        return Long.parseLong(details.replaceAll(".*\"count\":(\\d+).*", "$1"));
    }

    private static double refusedSoFar() {
        var counter = bean(MeterRegistry.class).find("lfr.access.refused").tag("operation", OPERATION)
                .tag("anonymous", "true").counter();
        return counter == null ? 0 : counter.count();
    }
}
