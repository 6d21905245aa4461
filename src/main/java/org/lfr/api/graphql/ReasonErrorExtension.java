package org.lfr.api.graphql;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.lfr.common.InvalidInputException;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds {@code extensions.reason}: why input was refused, by a stable name, where the refusal has one. */
public class ReasonErrorExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "reason";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        return exception instanceof InvalidInputException invalid && invalid.reason() != null
                ? Json.createValue(invalid.reason()) : null;
    }
}
