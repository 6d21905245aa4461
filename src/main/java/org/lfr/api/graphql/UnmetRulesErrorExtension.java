package org.lfr.api.graphql;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.lfr.common.GateNotMetException;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds {@code extensions.unmetRules} (rule names) to GraphQL errors of refused transitions, for clients to act on. */
public class UnmetRulesErrorExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "unmetRules";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (exception instanceof GateNotMetException gate) {
            var array = Json.createArrayBuilder();
            gate.unmetRuleNames().forEach(array::add);
            return array.build();
        }
        return null;
    }
}
