package org.lfr.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.persistence.OwnSession;
import org.lfr.persistence.VectorText;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A deployment's enrolled embeddings as face matching needs them: all of one model (for an exact in-memory index of
 * a frozen list), or the nearest entries per probe straight from pgvector. Only embeddings of the same model are ever
 * compared.
 */
@ApplicationScoped
public class WatchlistEmbeddings {

    /** One entry's embedding. */
    public record Enrolled(UUID entryId, float[] embedding) {
    }

    /** An entry close to a probe and their cosine similarity. */
    public record Nearest(UUID entryId, double similarity) {
    }

    /** The embeddings of {@code model} of a deployment's watchlist, parsed off the event loop (10,000 take seconds). */
    public Uni<List<Enrolled>> ofDeployment(UUID deploymentId, String model) {
        return storedOfDeployment(deploymentId, model).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> rows.stream().map(r -> new Enrolled((UUID) r[0], VectorText.parse((String) r[1]))).toList());
    }

    /** Entry id and embedding as pgvector's text, in a session of its own (ArC intercepts this self-invocation). */
    @OwnSession
    Uni<List<Object[]>> storedOfDeployment(UUID deploymentId, String model) {
        String sql = "select e.watchlist_entry_id, cast(e.embedding as text) from enrolment_embedding e"
                + " join watchlist_entry w on w.id = e.watchlist_entry_id where w.deployment_id = :d and e.model = :m";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("d", deploymentId).setParameter("m", model).getResultList());
    }

    /**
     * How many of a deployment's watchlist entries have no embedding of {@code model}: they cannot be matched (their
     * images were enrolled with other models or settings, or not at all).
     */
    @OwnSession
    public Uni<Long> unmatchableEntries(UUID deploymentId, String model) {
        String sql = "select count(*) from watchlist_entry w where w.deployment_id = :d and not exists"
                + " (select 1 from enrolment_embedding e where e.watchlist_entry_id = w.id and e.model = :m)";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class)
                .setParameter("d", deploymentId).setParameter("m", model).getSingleResult());
    }

    /**
     * For each probe, in order, its {@code k} nearest entries, nearest first (none when the watchlist has no
     * embedding): an exact cosine search per probe through a lateral join, every face of a frame in one round trip.
     */
    @OwnSession
    public Uni<List<List<Nearest>>> nearest(UUID deploymentId, String model, List<float[]> probes, int k) {
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
                + " where w.deployment_id = :d and e.model = :m order by e.embedding <=> p.v limit :k) m"
                + " order by p.idx, m.similarity desc";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("d", deploymentId)
                    .setParameter("m", model).setParameter("k", k);
            for (int i = 0; i < probes.size(); i++) {
                query.setParameter("p" + i, VectorText.format(probes.get(i)));
            }
            return query.getResultList();
        }).map(rows -> {
            List<List<Nearest>> result = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                result.add(new ArrayList<>());
            }
            for (Object[] row : rows) {
                result.get(((Number) row[0]).intValue()).add(new Nearest((UUID) row[1], ((Number) row[2]).doubleValue()));
            }
            return result;
        });
    }
}
