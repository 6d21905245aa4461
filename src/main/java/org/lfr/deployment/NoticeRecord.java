package org.lfr.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** When community notices of a deployment were published; implemented by the notice feature, in the caller's session. */
public interface NoticeRecord {

    Uni<List<Instant>> publishedAt(UUID deploymentId);
}
