package org.lfr.recognition.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What an image may cost, for enrolment photos and pushed frames alike. Each default stated here only. */
@ConfigMapping(prefix = "lfr.images")
public interface ImagesConfig {

    /** Largest image accepted, in bytes. */
    @WithDefault("10485760")
    int maxBytes();

    /** Largest declared size, in pixels (width × height), checked from the header before anything is decoded. */
    @WithDefault("40000000")
    long maxPixels();
}
