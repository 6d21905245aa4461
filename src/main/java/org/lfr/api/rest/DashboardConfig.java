package org.lfr.api.rest;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the browser dashboard needs to log in: where the browser reaches the realm, and its public client. */
@ConfigMapping(prefix = "lfr.dashboard")
public interface DashboardConfig {

    /**
     * The realm URL as the browser reaches it (e.g. the public Keycloak host); absent: the service's own
     * {@code quarkus.oidc.auth-server-url}, which is right wherever browser and service see the same address.
     */
    Optional<String> authServerUrl();

    /** The realm's public client with the authorisation-code flow and PKCE (S256). */
    @WithDefault("lfr-web")
    String clientId();
}
