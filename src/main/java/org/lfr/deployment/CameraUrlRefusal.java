package org.lfr.deployment;

/** Why a camera's stream URL was refused (the API's {@code reason}). */
public enum CameraUrlRefusal {
    MALFORMED, SCHEME_NOT_ALLOWED, HOST_NOT_ALLOWED, LOOPBACK, LINK_LOCAL, SERVICE_DEPENDENCY
}
