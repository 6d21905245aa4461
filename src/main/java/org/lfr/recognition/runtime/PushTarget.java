package org.lfr.recognition.runtime;

import org.lfr.deployment.RunningDeployment;

/** Where an accepted frame goes: the camera, its deployment (who operates it) and its worker here. */
record PushTarget(RunningDeployment deployment, RunningDeployment.Camera camera, CameraWorker worker) {
}
