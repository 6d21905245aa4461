package org.lfr.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.Entity;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package picture of docs/ARCHITECTURE.md, held true: no package cycles, dependencies only in the allowed
 * directions, the pipeline free of the framework, entities read only by their own feature, constructor injection.
 */
class ArchitectureTest {

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lfr");

    @Test
    void noPackageIsPartOfACycle() {
        slices().matching("org.lfr.(**)").should().beFreeOfCycles().check(SERVICE);
    }

    /** From the top (the API) down to the shared basics; a feature may use only what is below it. */
    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("org.lfr.api..")
                .layer("demo").definedBy("org.lfr.demo..")
                .layer("security").definedBy("org.lfr.security..")
                .layer("restore").definedBy("org.lfr.restore..")
                .layer("recognition runtime").definedBy("org.lfr.recognition.runtime..")
                .layer("transparency").definedBy("org.lfr.transparency..")
                .layer("alert").definedBy("org.lfr.alert..")
                .layer("watchlist").definedBy("org.lfr.watchlist..")
                .layer("notice").definedBy("org.lfr.notice..")
                .layer("signage").definedBy("org.lfr.signage..")
                .layer("deployment").definedBy("org.lfr.deployment..")
                .layer("retention").definedBy("org.lfr.retention..")
                .layer("audit").definedBy("org.lfr.audit..")
                .layer("recognition pipeline").definedBy("org.lfr.recognition.pipeline..")
                .layer("platform").definedBy("org.lfr.platform..")
                .layer("common").definedBy("org.lfr.common..", "org.lfr.persistence..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("platform").mayNotBeAccessedByAnyLayer()
                .whereLayer("security").mayOnlyBeAccessedByLayers("api")
                .whereLayer("restore").mayOnlyBeAccessedByLayers("api")
                .whereLayer("recognition runtime").mayOnlyBeAccessedByLayers("api")
                .whereLayer("transparency").mayOnlyBeAccessedByLayers("api")
                .whereLayer("alert").mayOnlyBeAccessedByLayers("api", "demo", "recognition runtime", "transparency")
                .whereLayer("watchlist").mayOnlyBeAccessedByLayers("api", "demo", "recognition runtime",
                        "transparency", "alert")
                .whereLayer("notice").mayOnlyBeAccessedByLayers("api", "demo", "transparency")
                .whereLayer("signage").mayOnlyBeAccessedByLayers("api", "demo", "transparency")
                .whereLayer("deployment").mayOnlyBeAccessedByLayers("api", "demo", "restore", "recognition runtime",
                        "transparency", "alert", "watchlist", "notice", "signage")
                .whereLayer("retention").mayOnlyBeAccessedByLayers("api", "restore", "watchlist", "alert")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("api", "security", "restore", "recognition runtime", "transparency",
                        "alert", "watchlist", "notice", "signage", "deployment", "retention")
                .whereLayer("recognition pipeline").mayOnlyBeAccessedByLayers("recognition runtime")
                .check(SERVICE);
    }

    /** Pure stages: the evaluation tools run exactly this code without a container, a database or an event loop. */
    @Test
    void thePipelineKnowsNothingOfTheFramework() {
        noClasses().that().resideInAPackage("org.lfr.recognition.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.vertx..",
                        "io.smallrye.mutiny..", "org.hibernate..", "io.micrometer..")
                .check(SERVICE);
    }

    /** Nobody reads another feature's tables: an entity is used only inside its own package. */
    @Test
    void entitiesStayInsideTheirFeature() {
        classes().that().areAnnotatedWith(Entity.class).should(new ArchCondition<>("be used only by their own package") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                for (Dependency d : entity.getDirectDependenciesToSelf()) {
                    if (!d.getOriginClass().getPackageName().equals(entity.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).check(SERVICE);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        noFields().should().beAnnotatedWith(Inject.class).orShould().beAnnotatedWith(ConfigProperty.class)
                .check(SERVICE);
    }

    /** Offline tools (evaluation, benchmarks, converters) are not part of the service. */
    @Test
    void theServiceDoesNotContainTheTools() {
        assertThat(SERVICE.stream().map(JavaClass::getPackageName)).noneMatch(p -> p.startsWith("org.lfr.tools"));
    }

    /** Small files with one concern: a class over 250 lines must say why, in a comment that starts "Long:". */
    @Test
    void noClassIsLongWithoutSayingWhy() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    List<String> lines = Files.readAllLines(p);
                    return lines.size() > 250 && lines.stream().noneMatch(l -> l.contains("Long: "));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertThat(tooLong).isEmpty();
        }
    }
}
