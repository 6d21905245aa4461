package org.lfr.recognition.runtime;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditService;
import org.lfr.audit.RefusalLimiter;
import org.lfr.audit.AuditSubject;
import org.lfr.common.Actor;
import org.lfr.common.Await;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;

/**
 * Frames pushed by edge cameras. A frame is accepted only from the camera's own device (the OIDC client bound to it
 * when it was added) or from an officer who operates its deployment; who feeds a camera is audited (their first
 * frame per run of the camera), and so is every refusal (the first of a minute per caller and deployment in full,
 * the rest counted: {@link RefusalLimiter}). The frame
 * is checked from its header and handed on still encoded: it is decoded only if it is analysed.
 */
@ApplicationScoped
public class FramePush {

    private final CameraSupervisor supervisor;
    private final ImagePolicy images;
    private final AuditService audit;
    private final RefusalLimiter refusals;
    private final Set<String> feeding = ConcurrentHashMap.newKeySet();

    FramePush(CameraSupervisor supervisor, ImagePolicy images, AuditService audit, RefusalLimiter refusals) {
        this.supervisor = supervisor;
        this.images = images;
        this.audit = audit;
        this.refusals = refusals;
    }

    /**
     * Blocking (the first frame may start the camera's worker): call off the event loop. The caller is judged before
     * anything changes: a refused push claims no camera and starts no worker.
     */
    public void push(Actor actor, UUID cameraId, byte[] image) {
        images.check("frame", image);
        PushDestination destination = supervisor.pushDestination(cameraId).orElseThrow(
                () -> new ConflictException("camera " + cameraId + " is not part of an ACTIVE deployment"));
        if (!mayPush(actor, destination)) {
            refused(actor, destination);
        }
        PushTarget target;
        try {
            target = supervisor.pushTarget(destination);
        } catch (ClaimedElsewhere e) {
            throw new ConflictException(e.getMessage());
        }
        String feeder = cameraId + "/" + System.identityHashCode(target.worker()) + "/" + actor.username();
        if (feeding.add(feeder)) {
            Await.result(() -> audit.recordAlone(actor, AuditAction.FRAMES_PUSHED, AuditSubject.DEPLOYMENT,
                    target.deployment().id(), Map.of("camera", target.camera().name(), "client", client(actor))));
        }
        target.worker().push(image);
    }

    /** The camera's own device, or an officer assigned to operate the deployment (with their own token). */
    static boolean mayPush(Actor actor, PushDestination target) {
        if (actor.isCameraDevice()) {
            return actor.client() != null && actor.client().equals(target.camera().deviceClientId());
        }
        return actor.isOfficer() && target.deployment().isOperatedBy(actor.username());
    }

    private void refused(Actor actor, PushDestination target) {
        String reason = actor.isCameraDevice() ? "this device is not the camera's own (client " + client(actor) + ")"
                : "you are not assigned to operate deployment " + target.deployment().reference();
        Await.result(() -> refusals.refused(actor, AuditAction.FRAMES_PUSHED_REFUSED, AuditSubject.DEPLOYMENT,
                target.deployment().id(), "FRAMES_PUSHED", false, Map.of("camera", target.camera().name(),
                        "reason", reason)));
        throw new ForbiddenException(reason);
    }

    private static String client(Actor actor) {
        return actor.client() == null ? "none" : actor.client();
    }
}
