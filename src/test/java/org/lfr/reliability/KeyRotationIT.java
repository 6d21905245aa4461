package org.lfr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lfr.support.GraphQL;
import org.lfr.support.Infrastructure;
import org.lfr.support.KeycloakTokens;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The identity provider restarts with new signing keys (the local Keycloak imports its realm afresh): tokens it now
 * issues are accepted within a minute, and tokens signed with the discarded key are refused soon after — no token
 * outlives the key that signed it by more than the key cache's minute. Runs last: it restarts Keycloak.
 */
@QuarkusIntegrationTest
@Order(3)
class KeyRotationIT {

    @Test
    void newKeysArePickedUpAndRemovedKeysRefused() throws Exception {
        String old = KeycloakTokens.accessToken("carol.officer");
        assertThat(me(old)).isEqualTo("carol.officer");

        Infrastructure.stopKeycloak();
        Infrastructure.up(); // a fresh realm: new signing keys
        String fresh = KeycloakTokens.accessToken("carol.officer");
        assertThat(kid(fresh)).as("the provider signs with a new key").isNotEqualTo(kid(old));

        long start = System.nanoTime();
        String accepted = null;
        while (!"carol.officer".equals(accepted) && elapsed(start).compareTo(Duration.ofSeconds(60)) < 0) {
            accepted = me(fresh);
            Thread.sleep(accepted == null ? 1000 : 0);
        }
        System.out.println("key rotation: new token accepted after " + elapsed(start).toMillis() + " ms");
        assertThat(accepted).as("a token of the new key, within a minute").isEqualTo("carol.officer");

        String refused = "carol.officer";
        while (refused != null && elapsed(start).compareTo(Duration.ofSeconds(100)) < 0) {
            refused = me(old);
            Thread.sleep(refused == null ? 0 : 2000);
        }
        System.out.println("key rotation: old token refused after " + elapsed(start).toMillis() + " ms");
        assertThat(refused).as("a token of the discarded key is refused").isNull();
    }

    /**
     * The caller's name, or null when the token was refused as a token (401 before GraphQL, or GraphQL's
     * {@code unauthorized}); anything else — a server error, another code — fails the test instead of reading as a
     * refusal.
     */
    private static String me(String token) {
        var response = GraphQL.post(token, "{ me { username } }").extract();
        if (response.statusCode() == 401) {
            return null;
        }
        assertThat(response.statusCode()).as("HTTP status of a token check").isEqualTo(200);
        var r = response.jsonPath();
        if (r.getList("errors") == null) {
            return r.getString("data.me.username");
        }
        assertThat(r.getString("errors[0].extensions.code")).as("a refused token, not another failure")
                .isEqualTo("unauthorized");
        return null;
    }

    private static String kid(String token) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
