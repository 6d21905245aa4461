package org.lfr.persistence;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * A read in a session of its own. GraphQL resolves sibling fields concurrently on one Vert.x context, where
 * Panache would hand them all the same session, which allows one operation at a time.
 */
@ApplicationScoped
public class SeparateSession {

    @Inject
    Mutiny.SessionFactory sessions;

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.openSession().chain(session -> work.apply(session).eventually(session::close));
    }
}
