package org.lfr.demo;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo deployment that dev mode sets up so a newcomer sees the pipeline work (never in production). */
@ConfigMapping(prefix = "lfr.demo")
public interface DemoConfig {

    @WithDefault("false")
    boolean enabled();

    /** Video played (looped) as the demo camera. */
    @WithDefault("../shared/eval/video/hamilton_clip/short_hamilton_clip.mp4")
    String video();

    /** Folder of {@code <subject>/<image>} enrolment photos; each subject becomes a watchlist entry. */
    @WithDefault("../shared/eval/face_recognition_examples")
    String enrolmentDir();

    /** Subjects to enrol from the folder (all when empty). */
    Optional<java.util.List<String>> subjects();
}
