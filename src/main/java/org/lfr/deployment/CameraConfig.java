package org.lfr.deployment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where camera streams may come from (docs/RELIABILITY.md): FFmpeg opens whatever URL it is given, so the service
 * decides first. Each default stated here only.
 */
@ConfigMapping(prefix = "lfr.cameras")
public interface CameraConfig {

    /** URL schemes a stream may use; FFmpeg's protocol whitelist follows them. Never {@code file} in production. */
    @WithDefault("rtsp,rtsps,http,https")
    Set<String> allowedSchemes();

    /** Host names or CIDR ranges cameras may be at; absent: anywhere not denied. */
    Optional<List<String>> allowedHosts();

    /**
     * Host names or CIDR ranges no camera may be at, beside those always denied: link-local and wildcard addresses,
     * and the service's own database and identity provider.
     */
    Optional<List<String>> deniedHosts();

    /** Streams on this machine (loopback); for development and tests only. */
    @WithDefault("false")
    boolean allowLoopback();
}
