package org.lfr.delivery;

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
        String yaml = template.call();
        List<HasMetadata> documents = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
                documents.add(Serialization.unmarshal(doc));
            }
        }
        return documents;
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
