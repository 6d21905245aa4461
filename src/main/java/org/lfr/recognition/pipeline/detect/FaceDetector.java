package org.lfr.recognition.pipeline.detect;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR frame. */
public interface FaceDetector {

    List<FaceBox> detect(Mat bgrFrame);
}
