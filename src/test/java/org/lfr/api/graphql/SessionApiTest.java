package org.lfr.api.graphql;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.lfr.support.GraphQL;
import org.lfr.support.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;

/** Real tokens from the local Keycloak against the real OIDC verification of the service. */
@QuarkusTest
class SessionApiTest {

    private static final String ME = "{ me { username roles } }";

    @Test
    void aRealKeycloakTokenIdentifiesTheCallerAndTheirRoles() {
        GraphQL.post(KeycloakTokens.accessToken("alice.supervisor"), ME)
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.username", equalTo("alice.supervisor"))
                .body("data.me.roles", contains("supervisor"));

        GraphQL.post(KeycloakTokens.accessToken("frank.dual"), ME)
                .body("data.me.roles", contains("officer", "supervisor"));
    }

    @Test
    void withoutATokenTheQueryIsRefusedAsUnauthorized() {
        GraphQL.post(null, ME)
                .statusCode(200)
                .body("data.me", nullValue())
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void aForgedTokenIsRejected() {
        String token = KeycloakTokens.accessToken("carol.officer");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        GraphQL.post(forged, ME).statusCode(401);
    }
}
