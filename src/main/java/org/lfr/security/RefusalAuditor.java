package org.lfr.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;
import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.Await;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.MethodDescription;

/**
 * Puts every role refusal (anonymous or wrong role, raised by {@code @RolesAllowed}/{@code @Authenticated}) in the
 * audit trail: who tried what. Asynchronous, so a refusal is never slowed or changed by auditing it.
 */
@ApplicationScoped
public class RefusalAuditor {

    private static final Logger LOG = Logger.getLogger(RefusalAuditor.class);

    private final AuditService audit;

    RefusalAuditor(AuditService audit) {
        this.audit = audit;
    }

    void onRefusal(@ObservesAsync AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        String who = identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        Map<String, Object> details = new LinkedHashMap<>();
        Object method = event.getEventProperties().get(AuthorizationFailureEvent.SECURED_METHOD_KEY);
        if (method instanceof MethodDescription m) {
            details.put("operation", m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "."
                    + m.getMethodName());
        }
        Throwable failure = event.getAuthorizationFailure();
        details.put("refusal", failure == null ? "unknown" : failure.getClass().getSimpleName());
        try {
            Await.result(() -> audit.recordAlone(new Actor(who, java.util.Set.of()), AuditAction.ACCESS_REFUSED,
                    AuditSubject.OPERATION, null, details));
        } catch (Throwable e) {
            LOG.errorf(e, "could not audit a refused access by %s", who);
        }
    }
}
