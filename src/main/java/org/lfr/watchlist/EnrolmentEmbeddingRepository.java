package org.lfr.watchlist;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Enrolment embeddings are written and deleted with their image; matching reads them through {@link WatchlistEmbeddings}. */
@ApplicationScoped
public class EnrolmentEmbeddingRepository implements PanacheRepositoryBase<EnrolmentEmbedding, UUID> {
}
