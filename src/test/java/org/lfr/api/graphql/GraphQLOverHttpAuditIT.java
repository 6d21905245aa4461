package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The GraphQL-over-HTTP working group's own server audit ({@code graphql-http}'s {@code serverAudits}, run by
 * Node.js from {@code src/test/graphql-http}) against the packaged service: no MUST may fail and no SHOULD may warn.
 * The MAYs that remain are listed in target/graphql-http-audit.txt and explained in docs/API.md.
 */
@QuarkusIntegrationTest
@TestProfile(GraphQLOverHttpAuditIT.WithIntrospection.class)
@Order(1)
class GraphQLOverHttpAuditIT {

    /**
     * The audit's probes of variables ask {@code __type(name: $name)}: introspection, which the service turns off
     * outside development. This run turns it on, as a development build has it; the HTTP behaviour audited (status
     * codes, media types, parameters) does not depend on it.
     */
    public static class WithIntrospection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a test profile makes Quarkus refuse any build-time setting that differs from the packaged build's:
            // the production build leaves the SDL endpoint out, and so does this run
            return Map.of("quarkus.smallrye-graphql.field-visibility", "default",
                    "quarkus.smallrye-graphql.schema-available", "false");
        }
    }

    static final Path AUDIT = Path.of("src", "test", "graphql-http");

    @Test
    void everyMustPassesAndNoShouldWarns() throws Exception {
        assertThat(AUDIT.resolve("node_modules").resolve("graphql-http")).as("npm ci --prefix " + AUDIT
                + " (scripts/test does it)").isDirectory();
        Process node = new ProcessBuilder("node", "audit.mjs", "http://localhost:" + RestAssured.port + "/graphql")
                .directory(AUDIT.toFile()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();

        ObjectMapper json = new ObjectMapper();
        List<String> failing = new ArrayList<>();
        List<String> report = new ArrayList<>();
        int audits = 0;
        for (String line : out.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode r = json.readTree(line);
            audits++;
            String status = r.get("status").asText();
            String entry = status + "  " + r.get("id").asText() + "  " + r.get("name").asText()
                    + (r.get("reason").isNull() ? "" : "  -- " + r.get("reason").asText());
            report.add(entry);
            if (status.equals("error") || status.equals("warn")) {
                failing.add(entry);
            }
        }
        write(report);
        assertThat(audits).as("audits run").isGreaterThan(50);
        assertThat(failing).as("MUST failures and SHOULD warnings").isEmpty();
    }

    private static void write(List<String> report) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "graphql-http-audit.txt"), report);
    }
}
