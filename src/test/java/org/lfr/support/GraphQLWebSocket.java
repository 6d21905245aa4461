package org.lfr.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A minimal graphql-transport-ws client, as a browser would use it: the token goes in the connection_init payload
 * because browsers cannot set headers on a WebSocket.
 */
public final class GraphQLWebSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private GraphQLWebSocket(URI uri) throws Exception {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                messages.add(JSON.readTree(partial.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        messages.add(JSON.createObjectNode().put("type", "closed").put("status", status)
                                .put("reason", reason));
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    /** Connects and sends connection_init (with {@code Authorization: Bearer token} when a token is given). */
    public static GraphQLWebSocket connect(URI graphqlHttpUri, String token) throws Exception {
        URI ws = URI.create(graphqlHttpUri.toString().replaceFirst("^http", "ws"));
        GraphQLWebSocket client = new GraphQLWebSocket(ws);
        client.send(token == null ? Map.of("type", "connection_init")
                : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        return client;
    }

    public void subscribe(String id, String query) throws Exception {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    /** The next message other than pings, or null after the timeout. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null || !"ping".equals(m.path("type").asText())) {
                return m;
            }
            try {
                send(Map.of("type", "pong"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The next message of the given type, skipping others, or null after the timeout. */
    public JsonNode nextOfType(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode m;
        do {
            m = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } while (m != null && !type.equals(m.path("type").asText()) && !"closed".equals(m.path("type").asText()));
        return m;
    }

    private void send(Object message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
