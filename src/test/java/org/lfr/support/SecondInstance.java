package org.lfr.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another replica of the service: the packaged jar started as a process of its own, on its own port, against the same
 * database and identity provider as the instance under test (it does not empty the test database when it starts).
 */
public final class SecondInstance implements AutoCloseable {

    private final int port;
    private final String replica;
    private final Path log;
    private final List<String> settings;
    private Process process;

    public SecondInstance(int port, String replica) {
        this(port, replica, List.of());
    }

    /** {@code settings}: more {@code -Dname=value} options (another database, the scheduler on, …). */
    public SecondInstance(int port, String replica, List<String> settings) {
        this.port = port;
        this.replica = replica;
        this.settings = List.copyOf(settings);
        this.log = Path.of("target", "second-instance-" + port + ".log");
    }

    public int port() {
        return port;
    }

    /** Its management interface (health, metrics): the API port plus 1000. */
    public int managementPort() {
        return port + 1000;
    }

    /** Starts the jar and waits until it is ready. */
    public SecondInstance start() throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port="
                + managementPort(), "-Dlfr.startup.reset-data-for-tests=false"));
        command.addAll(settings);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOSTNAME", replica);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the second instance exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + managementPort() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the second instance did not become ready in 120 s");
    }

    /** Stops it as a platform would (SIGTERM): it shuts down gracefully. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
