package org.lfr.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;
import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.RefusalLimiter;
import org.lfr.common.Actor;
import org.lfr.common.Await;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.MethodDescription;

/**
 * Puts role refusals (anonymous or wrong role, raised by {@code @RolesAllowed}/{@code @Authenticated}) in the audit
 * trail — who tried what — through the {@link RefusalLimiter}, so that a script cannot fill the trail. Asynchronous,
 * so a refusal is never slowed or changed by auditing it.
 */
@ApplicationScoped
public class RefusalAuditor {

    private static final Logger LOG = Logger.getLogger(RefusalAuditor.class);

    private final RefusalLimiter limiter;

    RefusalAuditor(RefusalLimiter limiter) {
        this.limiter = limiter;
    }

    void onRefusal(@ObservesAsync AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        boolean anonymous = identity == null || identity.isAnonymous();
        String who = anonymous ? "anonymous" : identity.getPrincipal().getName();
        String operation = "unknown";
        Object method = event.getEventProperties().get(AuthorizationFailureEvent.SECURED_METHOD_KEY);
        if (method instanceof MethodDescription m) {
            operation = m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName();
        } else if (method instanceof String name) { // GraphQL's: "org.lfr.api.graphql.OversightApi#auditTrail"
            operation = name.substring(name.lastIndexOf('.') + 1).replace('#', '.');
        }
        Throwable failure = event.getAuthorizationFailure();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", operation);
        details.put("refusal", failure == null ? "unknown" : failure.getClass().getSimpleName());
        String refused = operation;
        try {
            Await.result(() -> limiter.refused(new Actor(who, Set.of()), AuditAction.ACCESS_REFUSED,
                    AuditSubject.OPERATION, null, refused, anonymous, details));
        } catch (Throwable e) {
            LOG.errorf(e, "could not audit a refused access by %s", who);
        }
    }
}
