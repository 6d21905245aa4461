package org.lfr.recognition.runtime;

import org.lfr.deployment.RunningDeployment;

/** A pushed frame's destination, before anything is claimed: the caller is judged on its deployment first. */
record PushDestination(RunningDeployment deployment, RunningDeployment.Camera camera) {
}
