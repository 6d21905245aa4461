package org.lfr.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.marcnuri.helm.Helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Renders the chart in helm/ with the real Helm library and parses every document with the fabric8 model. */
final class Charts {

    static final Path CHART = Path.of("helm");

    private Charts() {
    }

    static List<HasMetadata> render(String... valuesFiles) {
        var template = new Helm(CHART).template().withName("lfr").withNamespace("lfr");
        for (String file : valuesFiles) {
            template = template.withValuesFile(Path.of("src/test/resources/helm", file));
        }
        return parse(template.call());
    }

    private static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> documents = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
                documents.add(Serialization.unmarshal(doc));
            }
        }
        return documents;
    }

    /**
     * The chart's {@code helm test} pods. helm-java renders a release's manifest without its hooks, so the chart is
     * copied and rendered with the test hooks' annotations taken out; the annotations are checked in the file itself.
     */
    static List<HasMetadata> renderTests() {
        try {
            Path copy = Files.createTempDirectory("chart-tests").resolve("lfr-service");
            try (var files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        String text = Files.readString(source);
                        Files.writeString(target, source.startsWith(CHART.resolve("templates/tests"))
                                ? text.replaceAll("(?m)^\\s*\"helm\\.sh/hook[^\n]*\n", "") : text);
                    }
                }
            }
            String yaml = new Helm(copy).template().withName("lfr").withNamespace("lfr").call();
            return parse(yaml).stream().filter(d -> d.getMetadata().getName().endsWith("-test")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> docs, Class<T> type) {
        return docs.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Deployment deployment(List<HasMetadata> docs) {
        List<Deployment> deployments = all(docs, Deployment.class);
        if (deployments.size() != 1) {
            throw new AssertionError("expected one Deployment, got " + deployments.size());
        }
        return deployments.get(0);
    }
}
