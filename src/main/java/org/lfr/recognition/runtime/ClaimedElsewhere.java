package org.lfr.recognition.runtime;

import java.util.UUID;

/** Another replica analyses this camera. */
final class ClaimedElsewhere extends RuntimeException {

    ClaimedElsewhere(UUID cameraId) {
        super("camera " + cameraId + " is analysed by another replica: send its frames to one replica (session"
                + " affinity)");
    }
}
