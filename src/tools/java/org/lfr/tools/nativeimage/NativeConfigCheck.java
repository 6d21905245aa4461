package org.lfr.tools.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the GraalVM native-image sources that {@code -Dquarkus.native.sources-only=true} generates (no GraalVM is
 * needed): the build arguments and the application exactly as native-image would receive them. Every class, method
 * and field that the native-image configuration names must exist on that classpath (a renamed class or a library
 * upgrade breaks the executable silently otherwise), and what Quarkus generates must cover the application.
 * Prints one line per check and, for a failed one, what is wrong. Run by {@code scripts/native-sources}.
 */
public final class NativeConfigCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<String> args;
    private final Path runner;
    private final URLClassLoader classpath;
    private final List<String> appClasses = new ArrayList<>();
    private int failed;

    NativeConfigCheck(Path dir) throws IOException {
        this.dir = dir;
        this.args = Arrays.asList(Files.readString(dir.resolve("native-image.args")).trim().split("\\s+"));
        try (Stream<Path> files = Files.list(dir)) {
            this.runner = files.filter(p -> p.toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-runner.jar in " + dir));
        }
        List<URL> urls = new ArrayList<>();
        urls.add(runner.toUri().toURL());
        try (Stream<Path> libs = Files.walk(dir.resolve("lib"))) {
            for (Path lib : libs.filter(p -> p.toString().endsWith(".jar")).toList()) {
                urls.add(lib.toUri().toURL());
            }
        }
        this.classpath = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try (JarFile jar = new JarFile(runner.toFile())) {
            jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("org/lfr/") && n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).forEach(appClasses::add);
        }
    }

    public static void main(String[] argv) throws Exception {
        NativeConfigCheck check = new NativeConfigCheck(Path.of(argv.length > 0 ? argv[0] : "target/native-sources"));
        check.run();
        if (check.failed > 0) {
            System.out.println("native-sources: " + check.failed + " check(s) failed");
            System.exit(1);
        }
        System.out.println("native-sources: all checks passed");
    }

    void run() throws Exception {
        check("ONNX Runtime initialised at run time, and every run-time class exists", runTimeInitialised());
        check("JNI configuration names only classes, methods and fields that exist", configured("jni-config.json"));
        check("reflection configuration names only classes, methods and fields that exist",
                configured("reflect-config.json"));
        check("ONNX Runtime's native library is included as a resource", onnxLibraryIncluded());
        check("JavaCPP presets (FFmpeg, OpenCV) bring their native-image configuration", javacppPresets());
        check("every Hibernate entity is registered for reflection", registered("jakarta.persistence.Entity"));
        check("every GraphQL type and input is registered for reflection",
                registered("org.eclipse.microprofile.graphql.Type", "org.eclipse.microprofile.graphql.Input"));
    }

    private void check(String what, List<String> problems) {
        if (problems.isEmpty()) {
            System.out.println("native-sources: ok   - " + what);
        } else {
            failed++;
            System.out.println("native-sources: FAIL - " + what);
            problems.stream().limit(20).forEach(p -> System.out.println("                 " + p));
        }
    }

    /** Classes to initialise at run time: from the arguments and every native-image.properties on the classpath. */
    private List<String> runTimeInitialised() throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        List<String> flags = new ArrayList<>(args);
        for (String file : resources("native-image.properties")) {
            Properties p = new Properties();
            try (InputStream in = classpath.getResourceAsStream(file)) {
                p.load(in);
            }
            flags.addAll(Arrays.asList(p.getProperty("Args", "").split("\\s+")));
        }
        for (String flag : flags) {
            if (flag.startsWith("--initialize-at-run-time=")) {
                classes.addAll(Arrays.asList(flag.substring(flag.indexOf('=') + 1).split(",")));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String needed : List.of("ai.onnxruntime.OnnxRuntime", "ai.onnxruntime.OrtEnvironment")) {
            if (!classes.contains(needed)) {
                problems.add(needed + " is not initialised at run time (its static initialiser loads the JNI library)");
            }
        }
        classes.stream().filter(c -> !c.isBlank() && load(c) == null)
                .forEach(c -> problems.add("--initialize-at-run-time names " + c + ", which does not exist"));
        return problems;
    }

    /** Our own configuration files of that name (under META-INF/native-image/org.lfr/). */
    private List<String> configured(String fileName) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> files = resources(fileName).stream().filter(f -> f.contains("/org.lfr/")).toList();
        if (files.isEmpty()) {
            problems.add("no META-INF/native-image/org.lfr/**/" + fileName + " in the application");
        }
        for (String file : files) {
            JsonNode entries;
            try (InputStream in = classpath.getResourceAsStream(file)) {
                entries = JSON.readTree(in);
            }
            for (JsonNode entry : entries) {
                String name = entry.path("name").asText();
                Class<?> type = load(name);
                if (type == null) {
                    problems.add(file + ": class " + name + " does not exist");
                    continue;
                }
                for (JsonNode m : entry.path("methods")) {
                    if (!hasMethod(type, m)) {
                        problems.add(file + ": " + name + "." + m.path("name").asText() + m.path("parameterTypes")
                                + " does not exist");
                    }
                }
                for (JsonNode f : entry.path("fields")) {
                    if (Arrays.stream(type.getDeclaredFields()).noneMatch(x -> x.getName().equals(f.path("name").asText()))) {
                        problems.add(file + ": field " + name + "." + f.path("name").asText() + " does not exist");
                    }
                }
            }
        }
        return problems;
    }

    /** Quarkus turns quarkus.native.resources.includes into the generated resource-config.json. */
    private List<String> onnxLibraryIncluded() throws IOException {
        String library = "ai/onnxruntime/native/linux-x64/libonnxruntime.so";
        List<String> patterns = new ArrayList<>();
        for (String file : resources("resource-config.json")) {
            try (InputStream in = classpath.getResourceAsStream(file)) {
                JSON.readTree(in).path("resources").path("includes").forEach(i -> patterns.add(i.path("pattern").asText()));
            }
        }
        List<String> problems = new ArrayList<>();
        if (patterns.stream().noneMatch(library::matches)) {
            problems.add("no resource pattern of the generated resource-config.json matches " + library + " ("
                    + patterns.size() + " patterns)");
        }
        if (classpath.getResource(library) == null) {
            problems.add(library + " is not on the application's classpath");
        }
        return problems;
    }

    private List<String> javacppPresets() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String preset : List.of("jniopencv_core", "jniavcodec")) {
            if (resources("linux-x86_64/" + preset + "/jni-config.json").isEmpty()
                    && resources("linux-x86_64/" + preset + "/reflect-config.json").isEmpty()) {
                problems.add("no META-INF/native-image/linux-x86_64/" + preset + "/ configuration on the classpath");
            }
        }
        return problems;
    }

    /** Application classes carrying any of the annotations must appear in a generated reflect-config.json. */
    private List<String> registered(String... annotations) throws IOException {
        Set<String> inConfig = new LinkedHashSet<>();
        for (String file : resources("reflect-config.json")) {
            try (InputStream in = classpath.getResourceAsStream(file)) {
                JSON.readTree(in).forEach(e -> inConfig.add(e.path("name").asText()));
            }
        }
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (String name : appClasses) {
            Class<?> type = load(name);
            if (type != null && Arrays.stream(type.getAnnotations())
                    .anyMatch(a -> Arrays.asList(annotations).contains(a.annotationType().getName()))) {
                found++;
                if (!inConfig.contains(name)) {
                    problems.add(name + " is not registered for reflection");
                }
            }
        }
        if (found == 0) {
            problems.add("no application class carries " + Arrays.toString(annotations) + ": nothing was checked");
        }
        return problems;
    }

    /** Paths under META-INF/native-image/ that end with {@code suffix}, in the runner jar and the libraries. */
    private List<String> resources(String suffix) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> jars = new ArrayList<>(List.of(runner));
        try (Stream<Path> libs = Files.walk(dir.resolve("lib"))) {
            jars.addAll(libs.filter(p -> p.toString().endsWith(".jar")).toList());
        }
        for (Path jar : jars) {
            try (JarFile j = new JarFile(jar.toFile())) {
                j.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith("META-INF/native-image/") && n.endsWith(suffix)).forEach(found::add);
            }
        }
        return found;
    }

    private static boolean hasMethod(Class<?> type, JsonNode m) {
        String name = m.path("name").asText();
        List<String> params = new ArrayList<>();
        m.path("parameterTypes").forEach(p -> params.add(p.asText()));
        if ("<init>".equals(name)) {
            return Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> Arrays.stream(c.getParameterTypes())
                    .map(Class::getTypeName).toList().equals(params));
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && Arrays.stream(method.getParameterTypes()).map(Class::getTypeName)
                    .toList().equals(params)) {
                return true;
            }
        }
        return false;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, classpath);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
