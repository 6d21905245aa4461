package org.lfr.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lfr.common.Actor;
import org.lfr.common.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated caller as the services see them: a name, the service's roles, the client of the token. */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;

    CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor get() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException("authentication required");
        }
        Set<String> roles = identity.getRoles().stream()
                .filter(r -> Roles.ALL.contains(r) || Roles.CAMERA.equals(r)).collect(Collectors.toSet());
        String client = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("azp") : null;
        return new Actor(identity.getPrincipal().getName(), roles, client);
    }
}
