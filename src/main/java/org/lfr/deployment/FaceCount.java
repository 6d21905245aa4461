package org.lfr.deployment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.InvalidInputException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The number of faces a deployment has looked at: a number only (nothing else about those faces is kept), published
 * in its record as the denominator of the false-alert rate.
 */
@ApplicationScoped
public class FaceCount {

    @WithTransaction
    public Uni<Void> add(UUID deploymentId, long faces) {
        if (faces < 0) {
            throw InvalidInputException.of("faces", "must not be negative");
        }
        return Panache.getSession().chain(s -> s
                .createNativeQuery("update deployment set faces_processed = faces_processed + :n where id = :id")
                .setParameter("n", faces).setParameter("id", deploymentId).executeUpdate()).replaceWithVoid();
    }
}
