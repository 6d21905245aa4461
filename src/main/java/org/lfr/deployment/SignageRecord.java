package org.lfr.deployment;

import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Which cameras of a deployment have a sign in place; implemented by the signage feature, in the caller's session. */
public interface SignageRecord {

    Uni<Set<UUID>> camerasWithSigns(UUID deploymentId);
}
