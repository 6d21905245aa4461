package org.lfr.recognition.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.persistence.VectorText;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Compares every face of one frame with a deployment's frozen watchlist in pgvector, in one round trip: an exact
 * cosine search (a bespoke watchlist is small) per probe through a lateral join. Only embeddings of the same model
 * are compared.
 */
@ApplicationScoped
public class WatchlistMatcher {

    /** Loads a deployment's embeddings of one model into an exact in-memory index (frozen watchlists only). */
    public Uni<InMemoryWatchlistIndex> loadIndex(UUID deploymentId, String model) {
        String sql = "select e.watchlist_entry_id, cast(e.embedding as text) from enrolment_embedding e"
                + " join watchlist_entry w on w.id = e.watchlist_entry_id where w.deployment_id = :d and e.model = :m";
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(sql, Object[].class).setParameter("d", deploymentId).setParameter("m", model)
                .getResultList()))
                .map(rows -> new InMemoryWatchlistIndex(rows.stream().map(r -> (UUID) r[0]).toList(),
                        rows.stream().map(r -> VectorText.parse((String) r[1])).toList()));
    }

    /**
     * How many of a deployment's watchlist entries have no embedding of {@code model}: they cannot be matched (their
     * images were enrolled with other models or settings, or not at all).
     */
    public Uni<Long> unmatchableEntries(UUID deploymentId, String model) {
        String sql = "select count(*) from watchlist_entry w where w.deployment_id = :d and not exists"
                + " (select 1 from enrolment_embedding e where e.watchlist_entry_id = w.id and e.model = :m)";
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(sql, Long.class).setParameter("d", deploymentId).setParameter("m", model)
                .getSingleResult()));
    }

    /** For each probe, in order, its nearest entry (empty when the watchlist has no embedding). */
    public Uni<List<Optional<WatchlistMatch>>> nearest(UUID deploymentId, String model, List<float[]> probes) {
        if (probes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < probes.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", cast(:p").append(i).append(" as vector))");
        }
        String sql = "select p.idx, m.entry, m.similarity from (values " + values + ") as p(idx, v)"
                + " cross join lateral (select e.watchlist_entry_id as entry, 1 - (e.embedding <=> p.v) as similarity"
                + " from enrolment_embedding e join watchlist_entry w on w.id = e.watchlist_entry_id"
                + " where w.deployment_id = :d and e.model = :m order by e.embedding <=> p.v limit 1) m";
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("d", deploymentId)
                    .setParameter("m", model);
            for (int i = 0; i < probes.size(); i++) {
                query.setParameter("p" + i, VectorText.format(probes.get(i)));
            }
            return query.getResultList();
        })).map(rows -> {
            List<Optional<WatchlistMatch>> result = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                result.add(Optional.empty());
            }
            for (Object[] row : rows) {
                int idx = ((Number) row[0]).intValue();
                result.set(idx, Optional.of(new WatchlistMatch((UUID) row[1], ((Number) row[2]).doubleValue())));
            }
            return result;
        });
    }
}
