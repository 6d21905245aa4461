package org.lfr.common;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Runs reactive service code from a plain thread (camera workers, start-up tasks, security event observers) on a
 * fresh Vert.x context, as Hibernate Reactive requires, and waits for it. Never call it on the event loop.
 */
public final class Await {

    private Await() {
    }

    public static <T> T result(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
