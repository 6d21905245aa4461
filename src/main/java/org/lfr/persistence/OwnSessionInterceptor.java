package org.lfr.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@OwnSession
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
class OwnSessionInterceptor {

    @AroundInvoke
    Object inOwnSession(InvocationContext invocation) {
        Context current = Vertx.currentContext();
        if (current == null) {
            throw new IllegalStateException(invocation.getMethod() + " needs a Vert.x context (use Await from plain threads)");
        }
        Context fresh = VertxContext.createNewDuplicatedContext(current);
        // Hibernate Reactive keeps its session on the context: this one is ours alone.
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        return Uni.createFrom().emitter(emitter -> fresh.runOnContext(ignored -> {
            try {
                Panache.withSession(() -> proceed(invocation)).subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext invocation) {
        try {
            return (Uni<Object>) invocation.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
