package org.lfr.api.graphql;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * GraphQL over HTTP as its specification asks, in front of SmallRye GraphQL (which answers 200 to everything it
 * reads): a POST that is not {@code application/json} is refused with 415, a body that is not JSON or whose parameters have the
 * wrong types with 400; a client that accepts anything (or says nothing) gets {@code application/json}; and a client
 * that asks for {@code application/graphql-response+json} gets 400 when its document does not parse or validate or
 * its variables do not coerce. Checked by the working group's own audit (GraphQLOverHttpAuditIT).
 */
@ApplicationScoped
class GraphQLOverHttp {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private final Instance<GraphQLSchema> schema;
    private final ObjectMapper json;
    private final String path;
    private final long maxBody;
    private final int maxTokens;

    GraphQLOverHttp(Instance<GraphQLSchema> schema, ObjectMapper json,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String path,
            @ConfigProperty(name = "lfr.graphql.max-body-size") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") int maxTokens) {
        this.schema = schema;
        this.json = json;
        this.path = "/" + path.replaceFirst("^/", "");
        this.maxBody = maxBody.asLongValue();
        this.maxTokens = maxTokens;
    }

    void install(@Observes Router router) {
        // before SmallRye's own route for the path; a body read here is not read again
        router.post(path).order(-100).handler(BodyHandler.create(false).setBodyLimit(maxBody)).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String accepted = acceptedType(ctx.request().getHeader(HttpHeaders.ACCEPT));
        if (accepted == null) {
            ctx.request().headers().set(HttpHeaders.ACCEPT, "application/json"); // the spec's legacy default
            accepted = "application/json";
        }
        String replyType = accepted.equals(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : "application/json";
        // Only JSON: a browser may send text/plain or a form to another origin without asking first (CSRF)
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            reply(ctx, 415, replyType, "a POST needs Content-Type: application/json");
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(ctx.body().buffer() == null ? "" : ctx.body().asString());
        } catch (JsonProcessingException e) {
            reply(ctx, 400, replyType, "the body is not JSON");
            return;
        }
        String problem = parameterProblem(body);
        if (problem != null) {
            reply(ctx, 400, replyType, problem);
            return;
        }
        if (replyType.equals(GRAPHQL_RESPONSE)) {
            GraphQLError invalid = documentError(body);
            if (invalid != null) {
                reply(ctx, 400, replyType, invalid.getMessage());
                return;
            }
        }
        ctx.next();
    }

    /** The media type the response will have, from the Accept list's first usable entry; null for "anything". */
    static String acceptedType(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(GRAPHQL_RESPONSE) || type.equals("application/json")) {
                return type;
            }
            if (type.equals("*/*") || type.equals("application/*")) {
                return null;
            }
        }
        return "application/json"; // nothing usable: SmallRye refuses it with 406
    }

    private static String parameterProblem(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "the body must be a JSON object";
        }
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual()) {
            return "query must be a string";
        }
        if (!nullOr(body.get("operationName"), JsonNode::isTextual)) {
            return "operationName must be a string or null";
        }
        if (!nullOr(body.get("variables"), JsonNode::isObject)) {
            return "variables must be an object or null";
        }
        if (!nullOr(body.get("extensions"), JsonNode::isObject)) {
            return "extensions must be an object or null";
        }
        return null;
    }

    private static boolean nullOr(JsonNode value, java.util.function.Predicate<JsonNode> ok) {
        return value == null || value.isNull() || ok.test(value);
    }

    /** A parse, validation or variable-coercion error of the request's operation, or null. */
    @SuppressWarnings("unchecked")
    private GraphQLError documentError(JsonNode body) {
        Map<String, Object> variables = body.hasNonNull("variables") ? json.convertValue(body.get("variables"), Map.class)
                : Map.of();
        String operation = body.hasNonNull("operationName") ? body.get("operationName").asText() : null;
        ParserOptions parser = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens));
        ExecutionInput input = ExecutionInput.newExecutionInput(body.get("query").asText()).operationName(operation)
                .variables(variables).graphQLContext(c -> c.of(ParserOptions.class, parser)).build();
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema.get(), input);
        if (result.isFailure()) {
            return result.getErrors().get(0);
        }
        OperationDefinition chosen = result.getDocument().getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operation == null || operation.equals(o.getName())).findFirst().orElse(null);
        if (chosen == null) {
            return null; // SmallRye reports an unknown operation name itself
        }
        try {
            ValuesResolver.coerceVariableValues(schema.get(), chosen.getVariableDefinitions(),
                    RawVariables.of(variables), GraphQLContext.getDefault(), Locale.ROOT);
            return scalarMismatch(chosen, body.get("variables"));
        } catch (RuntimeException e) {
            if (e instanceof GraphQLError error) {
                return error;
            }
            throw e;
        }
    }

    /**
     * SmallRye's own Int and Float scalars take any string at this stage (and fail later, with 200): a variable of a
     * built-in scalar type must have the JSON type of that scalar.
     */
    private static GraphQLError scalarMismatch(OperationDefinition operation, JsonNode variables) {
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            graphql.language.Type<?> type = definition.getType();
            if (type instanceof NonNullType nonNull) {
                type = nonNull.getType();
            }
            JsonNode value = variables == null ? null : variables.get(definition.getName());
            if (!(type instanceof TypeName name) || value == null || value.isNull()) {
                continue;
            }
            boolean fits = switch (name.getName()) {
                case "Int" -> value.isIntegralNumber();
                case "Float" -> value.isNumber();
                case "Boolean" -> value.isBoolean();
                case "String" -> value.isTextual();
                default -> true;
            };
            if (!fits) {
                return GraphqlErrorBuilder.newError().message("Variable '%s' has an invalid value: expected %s",
                        definition.getName(), name.getName()).build();
            }
        }
        return null;
    }

    private void reply(RoutingContext ctx, int status, String contentType, String message) {
        ObjectNode body = json.createObjectNode();
        ArrayNode errors = body.putArray("errors");
        errors.addObject().put("message", message).putObject("extensions").put("code", "invalid-request");
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body.toString());
    }
}
