package org.lfr.api.graphql;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.lfr.common.InvalidInputException;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds {@code extensions.fieldErrors}: one {@code {field, message}} per broken input rule, for forms to show. */
public class FieldErrorsExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "fieldErrors";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (exception instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()) {
            var array = Json.createArrayBuilder();
            invalid.fieldErrors().forEach(e -> array.add(Json.createObjectBuilder().add("field", e.field())
                    .add("message", e.message())));
            return array.build();
        }
        return null;
    }
}
