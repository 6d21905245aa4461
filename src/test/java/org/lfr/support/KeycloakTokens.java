package org.lfr.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the local Keycloak (scripts/infra up), obtained with the password grant of the public
 * client {@code lfr-cli}, exactly as a CLI user would.
 */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** A device's token: the client-credentials grant of the demo realm's edge-camera client {@code lfr-camera}. */
    public static String cameraDeviceToken() {
        String realmUrl = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "lfr-camera")
                .formParam("client_secret", "demo-camera-secret")
                .when().post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /**
     * The demo realm's confidential client for scripts and tests: the dashboard's public client {@code lfr-web} does
     * not take passwords (that would let a script skip the login page and any second factor a force adds).
     */
    public static final String CLI_CLIENT = "lfr-cli", CLI_SECRET = "demo-cli-secret";

    /** The demo users of src/main/keycloak/lfr-realm.json; each password is {@code demo-<first part>-pass}. */
    public static String accessToken(String username) {
        String realmUrl = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", CLI_CLIENT)
                .formParam("client_secret", CLI_SECRET)
                .formParam("username", username)
                .formParam("password", password(username))
                .formParam("scope", "openid")
                .when().post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A demo user's password, as the realm file sets it. */
    public static String password(String username) {
        return "demo-" + username.split("\\.")[0] + "-pass";
    }
}
