package org.lfr.common;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds {@code extensions.unmetRules} to GraphQL errors of refused transitions, for clients to act on. */
public class UnmetRulesErrorExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "unmetRules";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (exception instanceof GateNotMetException gate) {
            var array = Json.createArrayBuilder();
            gate.unmetRules().forEach(array::add);
            return array.build();
        }
        return null;
    }
}
