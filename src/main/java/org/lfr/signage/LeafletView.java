package org.lfr.signage;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("LeafletDistribution")
public record LeafletView(@Id @NonNull UUID id, @Id UUID deploymentId, int count, String handedOutBy, Instant handedOutAt) {

    public static LeafletView of(LeafletDistribution l) {
        return new LeafletView(l.id, l.deploymentId, l.count, l.handedOutBy, l.handedOutAt);
    }
}
