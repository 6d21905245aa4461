package org.lfr.api.graphql;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds {@code extensions.correlationId} to a failure that is the service's fault: the id its log line carries. */
public class CorrelationIdExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "correlationId";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        return GraphQLErrorLog.isExpected(GraphQLErrorLog.unwrap(exception)) ? null
                : Json.createValue(GraphQLErrorLog.correlationId(exception));
    }
}
