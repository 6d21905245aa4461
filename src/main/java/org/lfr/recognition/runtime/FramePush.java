package org.lfr.recognition.runtime;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.common.ConflictException;
import org.lfr.common.InvalidInputException;
import org.lfr.recognition.pipeline.image.ImageDecoder;

/** Frames pushed by edge cameras (JPEG or PNG), for the camera's worker on this replica. */
@ApplicationScoped
public class FramePush {

    private final CameraSupervisor supervisor;

    FramePush(CameraSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    /** Blocking (decoding): call off the event loop. */
    public void push(UUID cameraId, byte[] image) {
        CameraWorker worker;
        try {
            worker = supervisor.pushTarget(cameraId).orElseThrow(() -> new ConflictException("camera " + cameraId
                    + " is not part of an ACTIVE deployment"));
        } catch (CameraSupervisor.ClaimedElsewhere e) {
            throw new ConflictException(e.getMessage());
        }
        Mat frame = ImageDecoder.decodeBgr(image);
        if (frame == null) {
            throw InvalidInputException.of("frame", "not a decodable JPEG or PNG image");
        }
        worker.push(frame);
    }
}
