package org.lfr.signage;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Type;

@Type("LeafletDistribution")
public record LeafletView(UUID id, UUID deploymentId, int count, String handedOutBy, Instant handedOutAt) {

    public static LeafletView of(LeafletDistribution l) {
        return new LeafletView(l.id, l.deploymentId, l.count, l.handedOutBy, l.handedOutAt);
    }
}
