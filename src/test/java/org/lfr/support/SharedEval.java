package org.lfr.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared evaluation data (real faces) lives beside the checkout, never in it. Tests read it by path; set
 * LFR_EVAL_DIR when it is elsewhere.
 */
public final class SharedEval {

    private SharedEval() {
    }

    public static Path root() {
        String configured = System.getenv("LFR_EVAL_DIR");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "eval");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("evaluation data not found at " + root.toAbsolutePath()
                    + ": tests with real faces need the shared evaluation data (public LFW faces, sample photos and"
                    + " clips) at ../shared/eval beside the checkout, or LFR_EVAL_DIR; see README, 'Evaluation data'");
        }
        return root;
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
