package org.lfr.tools.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Real tokens from the local Keycloak's demo realm: users by password, the edge-camera device by client credentials. */
final class Tokens {

    private final HttpClient http;
    private final String realm;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Tokens(HttpClient http, String realm) {
        this.http = http;
        this.realm = realm;
    }

    String user(String username) {
        return cache.computeIfAbsent(username, u -> fetch(Map.of("grant_type", "password", "client_id", "lfr-cli",
                "client_secret", "demo-cli-secret", "username", u, "password", "demo-" + u.split("\\.")[0] + "-pass")));
    }

    String device() {
        return cache.computeIfAbsent(" device", u -> fetch(Map.of("grant_type", "client_credentials", "client_id",
                "lfr-camera", "client_secret", "demo-camera-secret")));
    }

    private String fetch(Map<String, String> form) {
        try {
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                    StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the token request: HTTP " + r.statusCode());
            }
            return new ObjectMapper().readTree(r.body()).get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
