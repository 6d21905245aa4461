package org.lfr.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The start-up checks against the real local PostgreSQL and Keycloak (scripts/infra up), and against ports where
 * nothing listens, as a platform team would meet them.
 */
class PreflightTest {

    private static final String DB = "jdbc:postgresql://localhost:5432/";

    @Test
    void aReachableDatabaseWithPgvectorPasses() {
        assertThatCode(() -> DatabasePreflight.check(DB + "lfr_test", "lfr", "lfr")).doesNotThrowAnyException();
    }

    @Test
    void anUnreachableDatabaseSaysWhereAndWhatToRun() throws IOException {
        int port = freePort();
        assertThatThrownBy(() -> DatabasePreflight.check("jdbc:postgresql://localhost:" + port + "/lfr", "lfr", "lfr"))
                .isInstanceOf(PreflightFailure.class)
                .hasMessageContaining("PostgreSQL is not reachable at jdbc:postgresql://localhost:" + port + "/lfr")
                .hasMessageContaining("scripts/infra up")
                .hasMessageContaining("LFR_DB_HOST");
    }

    @Test
    void aDatabaseWithoutPgvectorNamesTheStatementASuperuserMustRun() {
        // The maintenance database "postgres" exists everywhere and never gets the extension from scripts/infra.
        assertThatThrownBy(() -> DatabasePreflight.check(DB + "postgres", "lfr", "lfr"))
                .isInstanceOf(PreflightFailure.class)
                .hasMessageContaining("extension 'vector' (pgvector) is missing")
                .hasMessageContaining("create extension vector");
    }

    @Test
    void credentialsInTheUrlAreNeverEchoed() throws IOException {
        int port = freePort();
        assertThatThrownBy(() -> DatabasePreflight.check(
                "jdbc:postgresql://localhost:" + port + "/lfr?password=s3cret", "lfr", "x"))
                .isInstanceOf(PreflightFailure.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void theLocalKeycloakPublishesItsDiscoveryDocument() {
        assertThatCode(() -> OidcPreflight.check("http://localhost:8180/realms/lfr", Duration.ofSeconds(5)))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnreachableOidcProviderSaysWhatToRun() throws IOException {
        int port = freePort();
        assertThatThrownBy(() -> OidcPreflight.check("http://localhost:" + port + "/realms/lfr", Duration.ofSeconds(2)))
                .isInstanceOf(PreflightFailure.class)
                .hasMessageContaining("not reachable at http://localhost:" + port + "/realms/lfr")
                .hasMessageContaining("scripts/infra up")
                .hasMessageContaining("QUARKUS_OIDC_AUTH_SERVER_URL");
    }

    @Test
    void aRealmThatDoesNotExistIsReported() {
        assertThatThrownBy(() -> OidcPreflight.check("http://localhost:8180/realms/no-such-realm", Duration.ofSeconds(5)))
                .isInstanceOf(PreflightFailure.class)
                .hasMessageContaining("answered HTTP 404");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
