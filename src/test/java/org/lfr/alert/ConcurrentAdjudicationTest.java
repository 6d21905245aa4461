package org.lfr.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.KeycloakTokensCache.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two officers of one deployment decide the same alert at the same moment: one decision stands, and the other officer
 * is told who decided first (conflict) — never a system error, whichever of the two checks (the stored decision or
 * the row's version at commit) catches the race.
 */
@QuarkusTest
class ConcurrentAdjudicationTest {

    static final String CAROL = "carol.officer", DAVE = "dave.officer";
    static final String DECIDE = "mutation($a: ID!, $d: Adjudication!) { adjudicateAlert(input: {alertId: $a,"
            + " adjudication: $d}) { adjudicatedBy } }";

    @Test
    void theSecondOfTwoSimultaneousDecisionsIsAConflictNamingTheFirst() throws Exception {
        DeploymentView d = Fixtures.active(Fixtures.officer(CAROL));
        Fixtures.assign(d.id(), CAROL, DAVE);
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            String alert = Fixtures.alert(d).id().toString();
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<JsonPath> carol = decide(together, CAROL, alert, "CONFIRMED_MATCH");
            CompletableFuture<JsonPath> dave = decide(together, DAVE, alert, "FALSE_ALERT");
            List<JsonPath> answers = List.of(carol.get(), dave.get());
            long decided = answers.stream().filter(a -> a.get("errors") == null).count();
            if (decided != 1) {
                problems.add("round " + round + ": " + decided + " decisions stood");
                continue;
            }
            JsonPath refused = answers.stream().filter(a -> a.get("errors") != null).findFirst().orElseThrow();
            String winner = answers.stream().filter(a -> a.get("errors") == null).findFirst().orElseThrow()
                    .getString("data.adjudicateAlert.adjudicatedBy");
            if (!"conflict".equals(refused.getString("errors[0].extensions.code"))
                    || !refused.getString("errors[0].message").contains("already adjudicated by " + winner)) {
                problems.add("round " + round + ": " + refused.getString("errors[0].extensions.code") + " "
                        + refused.getString("errors[0].message"));
            }
        }
        assertThat(problems).isEmpty();
    }

    private static CompletableFuture<JsonPath> decide(CyclicBarrier together, String user, String alert,
            String decision) {
        String bearer = token(user);
        return CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return GraphQL.post(bearer, DECIDE, Map.of("a", alert, "d", decision)).statusCode(200).extract().jsonPath();
        });
    }
}
