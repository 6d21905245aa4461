package org.lfr.api.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public: the login settings of the dashboard (realm and client), read by the page before it sends the browser to
 * the login page. Nothing secret: a public client has no secret.
 */
@Path("/api/dashboard/config")
@Tag(name = "dashboard")
@PermitAll
public class DashboardConfigResource {

    /** keycloak-js wants the server URL and the realm apart. */
    public record LoginSettings(String url, String realm, String clientId) {
    }

    private final LoginSettings settings;

    DashboardConfigResource(DashboardConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidc) {
        String realmUrl = config.authServerUrl().orElse(oidc).replaceAll("/+$", "");
        int at = realmUrl.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalStateException("lfr.dashboard.auth-server-url must be a realm URL (…/realms/NAME): " + realmUrl);
        }
        this.settings = new LoginSettings(realmUrl.substring(0, at), realmUrl.substring(at + "/realms/".length()),
                config.clientId());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Login settings of the browser dashboard (realm, public client)")
    public LoginSettings settings() {
        return settings;
    }
}
