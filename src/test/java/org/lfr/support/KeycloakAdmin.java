package org.lfr.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;

/**
 * The local Keycloak's admin API (scripts/infra sets the bootstrap admin; {@code LFR_KEYCLOAK_ADMIN_PASSWORD} moves its
 * password), for browser tests that need what a real deployment meets only after hours: a short access-token
 * lifetime on the dashboard's client, or a Keycloak session ended under a signed-in page.
 */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    private static String server() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                .replaceAll("/realms/.*$", "");
    }

    private static String realm() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                .replaceAll("^.*/realms/", "");
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", System.getenv().getOrDefault("LFR_KEYCLOAK_ADMIN_PASSWORD", "admin"))
                .when().post(server() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * Gives the client's access tokens the lifetime (Keycloak's per-client "access.token.lifespan") until closed; the
     * client's own setting comes back on close.
     */
    public static AutoCloseable accessTokenLifespan(String clientId, Duration lifespan) {
        String token = adminToken();
        String clients = server() + "/admin/realms/" + realm() + "/clients";
        List<Map<String, Object>> found = given().auth().oauth2(token).queryParam("clientId", clientId)
                .when().get(clients).then().statusCode(200).extract().jsonPath().getList("$");
        String id = (String) found.get(0).get("id");
        Map<String, Object> client = given().auth().oauth2(token).when().get(clients + "/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new HashMap<>((Map<String, Object>) client.getOrDefault("attributes", Map.of()));
        Object before = attributes.getOrDefault("access.token.lifespan", "");
        setAttribute(clients + "/" + id, client, attributes, String.valueOf(lifespan.toSeconds()));
        return () -> setAttribute(clients + "/" + id, client, attributes, before);
    }

    private static void setAttribute(String url, Map<String, Object> client, Map<String, Object> attributes, Object value) {
        attributes.put("access.token.lifespan", value); // empty: the realm's lifespan again
        Map<String, Object> changed = new HashMap<>(client);
        changed.put("attributes", attributes);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(changed)
                .when().put(url).then().statusCode(204);
    }

    /** Ends every Keycloak session of the user, as an administrator (or the session's idle timeout) would. */
    public static void endSessions(String username) {
        String token = adminToken();
        String users = server() + "/admin/realms/" + realm() + "/users";
        List<Map<String, Object>> found = given().auth().oauth2(token).queryParam("username", username)
                .queryParam("exact", true).when().get(users).then().statusCode(200).extract().jsonPath().getList("$");
        given().auth().oauth2(token).when().post(users + "/" + found.get(0).get("id") + "/logout")
                .then().statusCode(204);
    }
}
