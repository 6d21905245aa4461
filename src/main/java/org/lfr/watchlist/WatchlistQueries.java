package org.lfr.watchlist;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Reads of watchlist entries for the features built on watchlists (alerts, records), in the caller's session. */
@ApplicationScoped
public class WatchlistQueries {

    public Uni<Optional<EntryRef>> entry(UUID entryId) {
        return WatchlistEntry.<WatchlistEntry>findById(entryId).map(e -> Optional.ofNullable(e).map(WatchlistQueries::ref));
    }

    public Uni<Map<UUID, EntryRef>> entries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return WatchlistEntry.<WatchlistEntry>list("id in ?1", ids).map(list -> list.stream()
                .map(WatchlistQueries::ref).collect(Collectors.toMap(EntryRef::id, Function.identity())));
    }

    /** How many entries of each category a deployment's list has (a published figure). */
    public Uni<Map<WatchlistCategory, Long>> categoryCounts(UUID deploymentId) {
        return WatchlistEntry.<WatchlistEntry>list("deploymentId", deploymentId).map(entries -> entries.stream()
                .collect(Collectors.groupingBy(e -> e.category, TreeMap::new, Collectors.counting())));
    }

    private static EntryRef ref(WatchlistEntry e) {
        return new EntryRef(e.id, e.deploymentId, e.subjectReference, e.category);
    }
}
