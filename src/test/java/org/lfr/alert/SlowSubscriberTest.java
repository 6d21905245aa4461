package org.lfr.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Fixtures;
import org.lfr.watchlist.WatchlistService;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/**
 * A subscriber that cannot take an alert at the moment it comes (its WebSocket still writing the last one) gets it
 * when it asks, instead of being failed by the broadcast and hearing nothing more (as a starved run of
 * DatabaseOutageTest once showed).
 */
@QuarkusTest
class SlowSubscriberTest {

    @Test
    void alertsWaitForASubscriberWithoutDemandAndNoneIsLost() throws InterruptedException {
        DeploymentView d = Fixtures.active(Fixtures.officer("slow.officer"));
        UUID entry = await(() -> Fixtures.bean(WatchlistService.class).get(Fixtures.APPROVER, d.id())).entries().get(0).id();
        AssertSubscriber<AlertView> slow = Fixtures.bean(AlertEvents.class).stream()
                .select().where(a -> a.deploymentId().equals(d.id()))
                .subscribe().withSubscriber(AssertSubscriber.create(0));
        List<UUID> raised = IntStream.range(0, 3).mapToObj(i -> await(() -> Fixtures.bean(AlertRecorder.class)
                .raise(new NewAlert(d.id(), d.cameras().get(0).id(), entry, 0.9, Instant.now(), Fixtures.TINY_JPEG,
                        "image/jpeg"))).id()).toList();
        Thread.sleep(1500); // the notifications arrive while the subscriber asks for nothing
        assertThat(slow.getFailure()).as("not failed for lack of demand").isNull();
        slow.awaitNextItems(3, Duration.ofSeconds(10));
        assertThat(slow.getItems()).extracting(AlertView::id).containsExactlyElementsOf(raised);
        slow.cancel();
    }
}
