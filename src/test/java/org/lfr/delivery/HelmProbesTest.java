package org.lfr.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lfr.support.Management;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.quarkus.test.junit.QuarkusTest;

/** The chart's probes must point at paths this application really serves, and answer 200 when it is healthy. */
@QuarkusTest
class HelmProbesTest {

    @Test
    void everyProbeOfTheRenderedChartAnswersOnTheRunningApplication() {
        Container c = Charts.deployment(Charts.render()).getSpec().getTemplate().getSpec().getContainers().get(0);
        for (Probe probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
            Management.given().get(probe.getHttpGet().getPath()).then().statusCode(200);
        }
    }
}
