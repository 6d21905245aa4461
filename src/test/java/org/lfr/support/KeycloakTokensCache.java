package org.lfr.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One real token per demo user per test run (they live 15 minutes; a full run takes less). */
public final class KeycloakTokensCache {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private KeycloakTokensCache() {
    }

    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, KeycloakTokens::accessToken);
    }
}
