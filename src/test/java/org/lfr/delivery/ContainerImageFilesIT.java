package org.lfr.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No container engine runs here, so the images cannot be built; what can be checked is that every file the JVM
 * Dockerfile copies exists once the application is packaged (this runs after {@code package}), and that both
 * Dockerfiles run as non-root with the models in.
 */
@org.junit.jupiter.api.Order(1)
class ContainerImageFilesIT {

    @Test
    void everyCopySourceOfTheJvmDockerfileExistsAfterPackage() throws Exception {
        List<String> sources = copySources(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(sources).contains("target/quarkus-app/lib/", "models/*.onnx");
        for (String source : sources) {
            assertThat(matches(source)).as("files for COPY " + source).isNotEmpty();
        }
    }

    @Test
    void bothImagesRunAsNonRootWithTheModels() throws Exception {
        for (String file : List.of("Dockerfile.jvm", "Dockerfile.native")) {
            String dockerfile = Files.readString(Path.of("src/main/docker", file));
            assertThat(dockerfile).as(file).containsPattern("(?m)^USER (185|1001)$").contains("models/*.onnx")
                    .contains("LFR_RECOGNITION_MODEL_DIR").contains("org.bytedeco.javacpp.cachedir");
        }
        assertThat(copySources(Path.of("src/main/docker/Dockerfile.native"))).contains("target/*-runner");
    }

    /** The evaluation, benchmark and converter tools are compiled with the tests and never shipped. */
    @Test
    void thePackagedServiceHoldsNoOfflineTool() throws Exception {
        List<Path> appJars;
        try (Stream<Path> files = Files.list(Path.of("target/quarkus-app/app"))) {
            appJars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertThat(appJars).isNotEmpty();
        for (Path jar : appJars) {
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                List<String> names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
                assertThat(names).as(jar.toString()).anyMatch(n -> n.startsWith("org/lfr/recognition/pipeline/"))
                        .noneMatch(n -> n.startsWith("org/lfr/tools/"));
            }
        }
    }

    private static List<String> copySources(Path dockerfile) throws Exception {
        return Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("COPY "))
                .map(l -> l.replaceAll("--\\S+", "").trim().split("\\s+"))
                .map(parts -> parts[parts.length - 2]).toList();
    }

    private static List<Path> matches(String source) throws Exception {
        Path path = Path.of(source.replaceAll("[*].*$", "").replaceAll("/$", ""));
        if (!source.contains("*")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        Path dir = path.toString().isEmpty() || !Files.isDirectory(path) ? Path.of(source).getParent() : path;
        var glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(glob::matches).toList();
        }
    }
}
