package org.lfr.recognition.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service finds its models beside quarkus-run.jar when started from another directory. */
class ModelDirectoryTest {

    @Test
    void aRelativeFolderMissingHereIsFoundBesideTheApplication(@TempDir Path app) throws Exception {
        Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createDirectories(app.resolve("models-for-this-test"));
        String classPath = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", app.resolve("quarkus-run.jar").toString());
            assertThat(PipelineFactory.modelDirectory("models-for-this-test")).isEqualTo(app.resolve("models-for-this-test"));
            assertThat(PipelineFactory.modelDirectory("models")).as("found in the working directory first")
                    .isEqualTo(Path.of("models"));
            assertThat(PipelineFactory.modelDirectory("/opt/models")).isEqualTo(Path.of("/opt/models"));
        } finally {
            System.setProperty("java.class.path", classPath);
        }
        assertThat(PipelineFactory.modelDirectory("models-for-this-test")).as("not a packaged application")
                .isEqualTo(Path.of("models-for-this-test"));
    }
}
