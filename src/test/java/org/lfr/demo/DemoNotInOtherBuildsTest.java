package org.lfr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo acts as fabricated users (it drafts as carol.officer and authorises as alice.supervisor): it exists in dev
 * builds only, whatever the runtime configuration says — this test build has no such bean even with the flag on.
 */
@QuarkusTest
class DemoNotInOtherBuildsTest {

    @Test
    void aNonDevBuildHasNoDemoBean() {
        assertThat(Arc.container().instance(DemoDeployment.class).isAvailable()).isFalse();
        assertThat(Arc.container().instance(org.lfr.deployment.DeploymentService.class).isAvailable())
                .as("positive control: the lookup finds a bean that is there").isTrue();
    }
}
