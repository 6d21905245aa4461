package org.lfr.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Checks that the OIDC provider (Keycloak) publishes its discovery document, so tokens can be verified. */
public final class OidcPreflight {

    private OidcPreflight() {
    }

    public static void check(String authServerUrl, Duration timeout) {
        String discovery = authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        String fix = " " + DatabasePreflight.FIX_LOCAL + "; elsewhere set QUARKUS_OIDC_AUTH_SERVER_URL to the realm URL"
                + " of your OIDC provider (the token issuer must match it exactly).";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(discovery)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"issuer\"")) {
                throw new PreflightFailure("The OIDC provider at " + authServerUrl + " answered HTTP "
                        + response.statusCode() + " for " + discovery + " instead of a discovery document." + fix);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new PreflightFailure("The OIDC provider (Keycloak) is not reachable at " + authServerUrl + ": "
                    + e + "." + fix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreflightFailure("Interrupted while checking the OIDC provider at " + authServerUrl, e);
        }
    }
}
