package org.lfr.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.smallrye.config.ConfigMapping;

/** The chart, linted and rendered by the real Helm library; every document parsed by the fabric8 model. */
class HelmChartTest {

    @Test
    void lintPasses() {
        var result = new Helm(Charts.CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void appVersionIsTheProjectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>lfr-service</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(Files.readString(Charts.CHART.resolve("Chart.yaml"))).contains("appVersion: \"" + version.group(1) + "\"");
    }

    @Test
    void defaultsRenderASecureDeploymentWithProbesOnHealthPathsAndWritableNativeLibraryDirs() {
        List<HasMetadata> docs = Charts.render();
        Deployment deployment = Charts.deployment(docs);
        Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()))
                .allSatisfy(p -> assertThat(p.getHttpGet().getPort().getStrVal()).isEqualTo("management"));

        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
        assertThat(c.getVolumeMounts()).extracting("mountPath").contains("/tmp", "/cache");
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
        String javaOpts = env(c, "JAVA_OPTS_APPEND").getValue();
        assertThat(javaOpts).contains("-Djava.io.tmpdir=/tmp").contains("-Dorg.bytedeco.javacpp.cachedir=/cache/javacpp")
                .as("matching's Vector API").contains("--add-modules jdk.incubator.vector");
        assertThat(c.getImage()).endsWith(":0.1.0-SNAPSHOT");

        assertThat(Charts.all(docs, Secret.class)).as("credentials come from the existing Secret").isEmpty();
        assertThat(Charts.all(docs, Job.class)).as("the migration Job is a hook, outside the release manifest").isEmpty();
        assertThat(Charts.all(docs, NetworkPolicy.class)).hasSize(1);
        assertThat(Charts.all(docs, PodDisruptionBudget.class)).as("no budget for a single pod").isEmpty();
        assertThat(Charts.all(docs, ServiceAccount.class)).hasSize(1);
        assertThat(Charts.all(docs, Ingress.class)).isEmpty();
        assertThat(Charts.all(docs, HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(docs).noneMatch(d -> d.getKind().equals("ServiceMonitor"));
        assertLabels(docs);
    }

    @Test
    void everyConfigurationVariableTheChartSetsIsAKeyOfTheApplication() throws Exception {
        Set<String> known = knownEnvironmentNames();
        for (String values : new String[] {null, "existing-secrets.yaml", "native.yaml", "inline-credentials.yaml",
                "ha.yaml"}) {
            List<HasMetadata> docs = values == null ? Charts.render() : Charts.render(values);
            Set<String> set = new HashSet<>();
            Charts.all(docs, ConfigMap.class).forEach(cm -> set.addAll(cm.getData().keySet()));
            Charts.deployment(docs).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                    .forEach(e -> set.add(e.getName()));
            Charts.all(docs, Job.class).forEach(j -> j.getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getEnv().forEach(e -> set.add(e.getName())));
            set.removeIf(name -> !name.startsWith("LFR_") && !name.startsWith("QUARKUS_"));
            assertThat(set).as("variables in " + values).isNotEmpty();
            assertThat(known).as("application configuration keys").containsAll(set);
        }
    }

    @Test
    void anExistingSecretIsReferencedAndNothingSensitiveIsRendered() {
        List<HasMetadata> docs = Charts.render("existing-secrets.yaml");
        Container c = Charts.deployment(docs).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(c, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("lfr-prod-db");
        assertThat(env(c, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("pass");
        assertThat(env(c, "QUARKUS_DATASOURCE_USERNAME").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("user");
        assertThat(env(c, "LFR_DB_HOST").getValue()).isEqualTo("pg.police.invalid");
        assertThat(env(c, "LFR_DB_SSL_MODE").getValue()).isEqualTo("verify-full");
        assertThat(env(c, "QUARKUS_OIDC_AUTH_SERVER_URL").getValue()).isEqualTo("https://sso.police.invalid/realms/force");
        assertThat(Charts.all(docs, Secret.class)).isEmpty();
        Charts.all(docs, ConfigMap.class).forEach(cm -> assertThat(cm.getData().keySet())
                .noneMatch(k -> k.contains("PASSWORD") || k.contains("USERNAME")));
        Job job = Charts.all(docs, Job.class).get(0); // rendered as a plain Job (helmHook: false) to inspect it
        assertThat(job.getMetadata().getAnnotations()).isNullOrEmpty();
        Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(migrate, "LFR_STARTUP_MIGRATE_ONLY").getValue()).isEqualTo("true");
        assertThat(env(migrate, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("lfr-prod-db");
        // the schema's owner migrates; the service's pods never see its credentials
        assertThat(env(migrate, "QUARKUS_DATASOURCE_OWNER_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("lfr-prod-db-owner");
        assertThat(env(migrate, "QUARKUS_DATASOURCE_OWNER_USERNAME").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("user");
        assertThat(c.getEnv()).noneMatch(e -> e.getName().startsWith("QUARKUS_DATASOURCE_OWNER"));
    }

    @Test
    void theMigrationJobAndItsSecretAreHooksByDefault() throws Exception {
        String job = Files.readString(Charts.CHART.resolve("templates/migration-job.yaml"));
        String secret = Files.readString(Charts.CHART.resolve("templates/secret.yaml"));
        assertThat(job).contains("\"helm.sh/hook\": pre-install,pre-upgrade").contains(".Values.database.migrationJob.helmHook");
        assertThat(secret).contains("\"helm.sh/hook-weight\": \"-5\"");
    }

    @Test
    void inlineCredentialsGoIntoASecretNotAConfigMap() {
        List<HasMetadata> docs = Charts.render("inline-credentials.yaml");
        List<Secret> secrets = Charts.all(docs, Secret.class);
        assertThat(secrets).hasSize(1);
        assertThat(secrets.get(0).getData()).containsKeys("username", "password");
        Charts.all(docs, ConfigMap.class).forEach(cm -> assertThat(cm.getData().values()).doesNotContain("not-for-production"));
    }

    @Test
    void ingressAutoscalerAndServiceMonitorWhenEnabled() {
        List<HasMetadata> docs = Charts.render("ingress-hpa-monitor.yaml");
        assertThat(Charts.all(docs, Ingress.class).get(0).getSpec().getRules().get(0).getHost()).isEqualTo("lfr.police.invalid");
        HorizontalPodAutoscaler hpa = Charts.all(docs, HorizontalPodAutoscaler.class).get(0);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
        assertThat(Charts.deployment(docs).getSpec().getReplicas()).as("replicas left to the autoscaler").isNull();
        HasMetadata monitor = docs.stream().filter(d -> d.getKind().equals("ServiceMonitor")).findFirst().orElseThrow();
        assertThat(io.fabric8.kubernetes.client.utils.Serialization.asYaml(monitor)).contains("/q/metrics")
                .containsPattern("port: \"?management");
        assertThat(Charts.all(docs, Ingress.class).get(0).getSpec().getRules().get(0).getHttp().getPaths().get(0)
                .getBackend().getService().getPort().getName()).as("the Ingress never exposes management").isEqualTo("http");
        PodDisruptionBudget pdb = Charts.all(docs, PodDisruptionBudget.class).get(0);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).as("autoscaled from 2 pods").isEqualTo(1);
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
    }

    @Test
    void theServiceHasAManagementPortThatOnlyMonitoringMayReach() {
        List<HasMetadata> docs = Charts.render();
        var service = Charts.all(docs, io.fabric8.kubernetes.api.model.Service.class).get(0);
        assertThat(service.getSpec().getPorts()).extracting("name").containsExactly("http", "management");
        Container c = Charts.deployment(docs).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getPorts()).extracting("name", "containerPort").contains(tuple("http", 8080),
                tuple("management", 9000));
        NetworkPolicy policy = Charts.all(docs, NetworkPolicy.class).get(0);
        assertThat(policy.getSpec().getPolicyTypes()).as("egress open unless restricted").containsExactly("Ingress");
        assertThat(policy.getSpec().getIngress()).hasSize(2);
        assertThat(policy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getStrVal()).isEqualTo("http");
        assertThat(policy.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
        assertThat(policy.getSpec().getIngress().get(1).getPorts().get(0).getPort().getStrVal()).isEqualTo("management");
        assertThat(policy.getSpec().getIngress().get(1).getFrom().get(0).getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "monitoring");
    }

    @Test
    void threePodsGetABudgetSpreadAnnotationsRestrictedEgressRulesDashboardAndTracing() throws Exception {
        List<HasMetadata> docs = Charts.render("ha.yaml");
        Deployment deployment = Charts.deployment(docs);
        PodDisruptionBudget pdb = Charts.all(docs, PodDisruptionBudget.class).get(0);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        var pod = deployment.getSpec().getTemplate();
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("example.invalid/team", "lfr-platform")
                .containsKey("checksum/config");
        var spread = pod.getSpec().getTopologySpreadConstraints().get(0);
        assertThat(spread.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(spread.getLabelSelector().getMatchLabels()).as("filled in with the release's pod labels")
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        NetworkPolicy policy = Charts.all(docs, NetworkPolicy.class).get(0);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policy.getSpec().getEgress()).hasSize(4);
        assertThat(policy.getSpec().getEgress().get(1).getTo().get(0).getIpBlock().getCidr()).isEqualTo("10.20.0.0/24");
        Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(c, "QUARKUS_OTEL_SDK_DISABLED").getValue()).isEqualTo("false");
        assertThat(env(c, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").getValue()).isEqualTo("http://otel-collector.monitoring:4317");
        // the options the image needs come first, the user's after them: appended, not replacing
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher image = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]+)\"").matcher(dockerfile);
        assertThat(image.find()).isTrue();
        assertThat(env(c, "JAVA_OPTS_APPEND").getValue()).isEqualTo(image.group(1)
                + " -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError");

        HasMetadata rule = docs.stream().filter(d -> d.getKind().equals("PrometheusRule")).findFirst().orElseThrow();
        String rules = io.fabric8.kubernetes.client.utils.Serialization.asYaml(rule);
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
        for (String alert : List.of("LfrCameraStalled", "LfrFrameAgeHigh", "LfrAlertLatencyHigh", "LfrAlertsHeld",
                "LfrAlertsDropped", "LfrPurgeOverdue", "LfrAuditChainBroken", "LfrFalseAlertsAboveCalibration")) {
            assertThat(rules).containsPattern("alert: \"?" + alert);
        }
        ConfigMap dashboard = Charts.all(docs, ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().endsWith("-dashboard")).findFirst().orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard.getData().get("lfr-service.json"));
        assertThat(json.get("panels").size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void restrictedEgressWithoutTheCidrsIsRefusedWithASentence() {
        assertThatThrownBy(() -> Charts.render("restricted-without-cidrs.yaml"))
                .hasMessageContaining("networkPolicy.egress.oidc: give its CIDRs when egress.restrict is true");
    }

    @Test
    void aMisspeltKeyIsRefusedByTheSchema() {
        assertThatThrownBy(() -> Charts.render("misspelt.yaml"))
                .hasMessageContaining("replicaCont").hasMessageContaining("managmentPort");
    }

    @Test
    void theMigrationJobIsNotSelectedByTheServiceAndHasResources() {
        List<HasMetadata> docs = Charts.render("existing-secrets.yaml"); // a plain Job there, so it renders
        Job job = Charts.all(docs, Job.class).get(0);
        Map<String, String> selector = Charts.all(docs, io.fabric8.kubernetes.api.model.Service.class).get(0)
                .getSpec().getSelector();
        Map<String, String> podLabels = job.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels.entrySet().containsAll(selector.entrySet()))
                .as("the Service, budget and policy must not select the migration pod").isFalse();
        assertThat(podLabels).containsEntry("app.kubernetes.io/component", "migration");
        var resources = job.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
        assertThat(resources.getLimits()).containsKeys("cpu", "memory");
        assertThat(resources.getRequests()).containsKeys("cpu", "memory");
    }

    @Test
    void helmTestChecksReadinessAndTheAnonymousRefusal() throws Exception {
        String test = Files.readString(Charts.CHART.resolve("templates/tests/test-service.yaml"));
        assertThat(test).contains("\"helm.sh/hook\": test");
        Pod pod = Charts.all(Charts.renderTests(), Pod.class).get(0);
        String script = String.join(" ", pod.getSpec().getContainers().get(0).getArgs());
        assertThat(script).contains("http://lfr-lfr-service:9000/q/health/ready")
                .contains("http://lfr-lfr-service:8080/graphql").contains("unauthorized");
        assertThat(pod.getMetadata().getLabels()).doesNotContainEntry("app.kubernetes.io/name", "lfr-service");
    }

    @Test
    void nativeImageAndModelsFromAVolume() {
        List<HasMetadata> docs = Charts.render("native.yaml");
        Container c = Charts.deployment(docs).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getImage()).endsWith(":0.1.0-SNAPSHOT-native");
        assertThat(c.getArgs()).contains("-Dorg.bytedeco.javacpp.cachedir=/cache/javacpp");
        assertThat(c.getEnv()).noneMatch(e -> e.getName().equals("JAVA_OPTS_APPEND"));
        assertThat(c.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/models");
            assertThat(m.getReadOnly()).isTrue();
        });
        ConfigMap cm = Charts.all(docs, ConfigMap.class).get(0);
        assertThat(cm.getData()).containsEntry("LFR_RECOGNITION_MODEL_DIR", "/models");
    }

    @Test
    void aBadValuesFileIsRejectedByTheSchemaWithAClearMessage() {
        assertThatThrownBy(() -> Charts.render("bad.yaml"))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("flavour")
                .hasMessageContaining("port");
    }

    private static void assertLabels(List<HasMetadata> docs) {
        for (HasMetadata d : docs) {
            assertThat(d.getMetadata().getLabels()).as(d.getKind())
                    .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
                            "app.kubernetes.io/managed-by", "helm.sh/chart");
        }
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    /** Environment variable names of every configuration key the application reads. */
    static Set<String> knownEnvironmentNames() throws Exception {
        Set<String> keys = new HashSet<>();
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        properties.stringPropertyNames().forEach(k -> keys.add(k.replaceFirst("^%[^.]+\\.", "")));
        for (var mapping : new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lfr")) {
            if (mapping.isAnnotatedWith(ConfigMapping.class)) {
                Class<?> type = mapping.reflect();
                collect(type.getAnnotation(ConfigMapping.class).prefix(), type, keys);
            }
        }
        Set<String> env = new HashSet<>();
        keys.forEach(k -> env.add(k.toUpperCase().replaceAll("[^A-Z0-9]", "_")));
        return env;
    }

    private static void collect(String prefix, Class<?> type, Set<String> keys) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() > 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String key = prefix + "." + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> r = m.getReturnType();
            if (r.isInterface() && r.getName().startsWith("org.lfr") && !(m.getGenericReturnType() instanceof ParameterizedType)) {
                collect(key, r, keys);
            } else {
                keys.add(key);
            }
        }
    }
}
