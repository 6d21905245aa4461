package org.lfr.api.rest;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * What every response tells the browser: run only this service's own scripts (the dashboard has no inline script or
 * style), talk only to this service and the identity provider, never be framed (clickjacking an adjudication), send
 * no referrer (URLs carry deployment and alert ids), and never guess a content type.
 */
@ApplicationScoped
class BrowserSecurityHeaders {

    private final String policy;

    BrowserSecurityHeaders(DashboardConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidc) {
        // keycloak-js calls the realm's token endpoint from the page; its login page is a navigation, not a frame
        URI realm = URI.create(config.authServerUrl().orElse(oidc));
        String identityProvider = realm.getScheme() + "://" + realm.getHost()
                + (realm.getPort() < 0 ? "" : ":" + realm.getPort());
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
                + " font-src 'self'; connect-src 'self' " + identityProvider + "; frame-src " + identityProvider
                + "; frame-ancestors 'none'; form-action 'self' " + identityProvider
                + "; base-uri 'none'; object-src 'none'";
    }

    String policy() {
        return policy;
    }

    void install(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy)
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY");
            ctx.next();
        });
    }
}
