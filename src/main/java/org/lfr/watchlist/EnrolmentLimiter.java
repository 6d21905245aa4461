package org.lfr.watchlist;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Actor;
import org.lfr.common.TooManyRequestsException;

/** Enrolment runs models on every photo: each user may have only so many enrolment requests running at once. */
@ApplicationScoped
class EnrolmentLimiter {

    /** Held while one request runs; release once. */
    interface Permit {
        void release();
    }

    private final WatchlistConfig config;
    private final Map<String, Semaphore> perUser = new ConcurrentHashMap<>();

    EnrolmentLimiter(WatchlistConfig config) {
        this.config = config;
    }

    Permit acquire(Actor actor) {
        Semaphore semaphore = perUser.computeIfAbsent(actor.username(), u -> new Semaphore(config.enrolmentsPerUser()));
        if (!semaphore.tryAcquire()) {
            throw new TooManyRequestsException(actor.username() + " already has " + config.enrolmentsPerUser()
                    + " enrolment requests running; try again when one is done");
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        };
    }
}
