package org.lfr.tools.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A bounded load on a running service on this machine (loopback only): N dashboard clients asking what a dashboard
 * asks, M edge cameras pushing frames, one subscriber to alerts, for a fixed time. Reports throughput, latency
 * percentiles and errors per kind of call, and the service's resident memory before and after. Run by
 * {@code scripts/load}, which starts the service; the figures go in docs/RELIABILITY.md.
 */
public final class Load {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Latencies and errors of one kind of call. */
    static final class Stats {
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();

        void ok(long startNanos) {
            micros.add((System.nanoTime() - startNanos) / 1000);
        }

        void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }

        Map<String, Object> report(double seconds) {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("requests", sorted.size() + errors.get());
            r.put("per_second", Math.round(sorted.size() / seconds * 10) / 10.0);
            r.put("p50_ms", percentile(sorted, 0.50));
            r.put("p95_ms", percentile(sorted, 0.95));
            r.put("p99_ms", percentile(sorted, 0.99));
            r.put("errors", errors.get());
            Map<String, Integer> kinds = new LinkedHashMap<>();
            errorKinds.forEach((k, v) -> kinds.put(k, v.get()));
            r.put("error_kinds", kinds);
            return r;
        }

        static double percentile(List<Long> sorted, double p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            return Math.round(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 100.0)
                    / 10.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("--url", "http://localhost:8080", "--keycloak",
                "http://localhost:8180/realms/lfr", "--clients", "50", "--cameras", "8", "--seconds", "60", "--fps", "10",
                "--pid", "0", "--out", "", "--warmup", "15"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        URI base = URI.create(a.get("--url"));
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("the load runs against this machine only (loopback), not " + base);
        }
        int clients = Math.min(Integer.parseInt(a.get("--clients")), 200);
        int cameras = Math.min(Integer.parseInt(a.get("--cameras")), 32);
        int seconds = Math.min(Integer.parseInt(a.get("--seconds")), 600);
        double fps = Math.min(Double.parseDouble(a.get("--fps")), 25);
        long pid = Long.parseLong(a.get("--pid"));
        int warmup = Math.min(Integer.parseInt(a.get("--warmup")), 120);

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        Tokens tokens = new Tokens(http, a.get("--keycloak"));
        Scenario scenario = Scenario.create(http, base, tokens, cameras);
        byte[] frame = Frame.hd(Path.of(a.getOrDefault("--face",
                "../shared/eval/face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png")));

        Stats dashboard = new Stats();
        Stats pushes = new Stats();
        AtomicLong alertsHeard = new AtomicLong();
        WebSocket subscriber = subscribe(http, base, tokens.user("carol.officer"), scenario.deploymentId(), alertsHeard);

        ExecutorService workers = Executors.newFixedThreadPool(clients + cameras);
        // the first seconds warm the service up (JIT, pools): the load runs, nothing is recorded
        long recordFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = recordFrom + Duration.ofSeconds(seconds).toNanos();
        List<Long> rss = Collections.synchronizedList(new ArrayList<>());
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                rss.add(rssMb(pid));
            } catch (Exception e) {
                rss.add(-1L);
            }
        }, warmup, 10, TimeUnit.SECONDS);
        String query = "query($d: ID!) { me { username } deployments(filter: {status: ACTIVE}, first: 20) { edges { node { id reference cameras { name } } } }"
                + " alerts(filter: {deploymentId: $d}, last: 50) { edges { node { id subjectReference similarity occurredAt adjudication } } } }";
        for (int c = 0; c < clients; c++) {
            String user = c % 2 == 0 ? "carol.officer" : "alice.supervisor";
            workers.execute(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        JsonNode r = graphql(http, base, tokens.user(user), query, Map.of("d", scenario.deploymentId()));
                        if (t < recordFrom) {
                            continue;
                        }
                        if (r.has("errors")) {
                            dashboard.error(r.at("/errors/0/extensions/code").asText("graphql"));
                        } else {
                            dashboard.ok(t);
                        }
                    } catch (Exception e) {
                        dashboard.error(e.getClass().getSimpleName());
                    }
                    sleepQuietly(1000); // one refresh a second per client
                }
            });
        }
        for (String camera : scenario.cameras().subList(0, cameras)) {
            workers.execute(() -> {
                long interval = (long) (1e9 / fps);
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/api/cameras/" + camera
                                + "/frames")).header("Authorization", "Bearer " + tokens.device())
                                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(frame))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (t < recordFrom) {
                            // warming up
                        } else if (r.statusCode() == 202) {
                            pushes.ok(t);
                        } else {
                            pushes.error("HTTP " + r.statusCode());
                        }
                    } catch (Exception e) {
                        pushes.error(e.getClass().getSimpleName());
                    }
                    next += interval;
                    sleepQuietly(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(warmup + seconds + 60L, TimeUnit.SECONDS);
        subscriber.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        sampler.shutdownNow();
        long rssAfter = rssMb(pid);
        scenario.stop();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("clients", clients);
        report.put("cameras", cameras);
        report.put("frames_per_second_per_camera", fps);
        report.put("seconds", seconds);
        report.put("dashboard_queries", dashboard.report(seconds));
        report.put("frame_pushes", pushes.report(seconds));
        report.put("alerts_heard_by_subscriber", alertsHeard.get());
        report.put("warmup_seconds", warmup);
        report.put("rss_mb_before", rss.isEmpty() ? 0 : rss.get(0));
        report.put("rss_mb_after", rssAfter);
        report.put("rss_mb_every_10_s", new ArrayList<>(rss));
        String json = JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        System.out.println(json);
        if (!a.get("--out").isEmpty()) {
            Files.writeString(Path.of(a.get("--out")), json);
        }
        System.exit(0);
    }

    static JsonNode graphql(HttpClient http, URI base, String token, String query, Map<String, Object> variables)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables",
                        variables)))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private static WebSocket subscribe(HttpClient http, URI base, String token, String deploymentId, AtomicLong heard)
            throws Exception {
        URI ws = URI.create(base.resolve("/graphql").toString().replaceFirst("^http", "ws"));
        WebSocket socket = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(ws, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            if (text.indexOf("\"next\"") >= 0) {
                                heard.incrementAndGet();
                            } else if (text.indexOf("\"ping\"") >= 0) {
                                w.sendText("{\"type\":\"pong\"}", true);
                            }
                            text.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText(JSON.writeValueAsString(Map.of("type", "connection_init", "payload",
                Map.of("Authorization", "Bearer " + token))), true).get();
        Thread.sleep(500);
        socket.sendText(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query",
                "subscription { alertRaised(deploymentId: \"" + deploymentId + "\") { id } }"))), true).get();
        return socket;
    }

    /** The resident memory of the service's process, in MB (0 when no pid was given). */
    static long rssMb(long pid) throws Exception {
        if (pid <= 0) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return 0;
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
