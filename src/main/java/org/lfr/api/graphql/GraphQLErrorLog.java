package org.lfr.api.graphql;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lfr.common.ServiceException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.cdi.event.ErrorDataFetch;
import io.smallrye.graphql.cdi.event.ErrorInfo;

/**
 * One concise line per GraphQL failure that is the service's fault, with a correlation id that the client also gets
 * ({@code extensions.correlationId}): no stack trace per field (SmallRye's own is switched off), so an aliased request
 * cannot write megabytes of log. Refusals the caller can act on (codes, role refusals) are not failures: debug only.
 */
@ApplicationScoped
class GraphQLErrorLog {

    private static final Logger LOG = Logger.getLogger(GraphQLErrorLog.class);
    private static final Map<Throwable, String> IDS = Collections.synchronizedMap(new WeakHashMap<>());

    void onError(@Observes @ErrorDataFetch ErrorInfo error) {
        Throwable t = unwrap(error.getT());
        String field = error.getContext() == null ? "?" : error.getContext().getFieldName();
        if (isExpected(t)) {
            LOG.debugf("GraphQL %s refused: %s", field, t.getMessage());
            return;
        }
        LOG.errorf("GraphQL %s failed [%s]: %s: %s", field, correlationId(t), t.getClass().getName(), t.getMessage());
    }

    /** The same id for the same failure, whoever asks first (this log, or the error's extensions). */
    static String correlationId(Throwable failure) {
        return IDS.computeIfAbsent(unwrap(failure), t -> UUID.randomUUID().toString().substring(0, 8));
    }

    static boolean isExpected(Throwable t) {
        return t instanceof ServiceException || t instanceof UnauthorizedException || t instanceof ForbiddenException
                || t instanceof AuthenticationFailedException;
    }

    static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof CompletionException || x instanceof ExecutionException) && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }
}
