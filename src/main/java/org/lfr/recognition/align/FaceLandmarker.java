package org.lfr.recognition.align;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.lfr.recognition.detect.FaceBox;
import org.lfr.recognition.model.OnnxModel;
import org.lfr.recognition.model.Tensors;

/**
 * 68 facial landmarks from the package's landmark model: the face box cropped, resized to 64×64 grey, pixels /256;
 * the output is 68 (x, y) pairs relative to the crop.
 */
public final class FaceLandmarker {

    private static final int SIZE = 64;

    private final OnnxModel model;

    public FaceLandmarker(OnnxModel model) {
        this.model = model;
    }

    /** 136 values: x0, y0, x1, y1, … in frame pixels. */
    public float[] landmarks(Mat bgrFrame, FaceBox box) {
        int x = Math.max(0, (int) box.x1());
        int y = Math.max(0, (int) box.y1());
        int w = Math.max(1, Math.min((int) box.width(), bgrFrame.cols() - x));
        int h = Math.max(1, Math.min((int) box.height(), bgrFrame.rows() - y));
        float[] input;
        try (Rect rect = new Rect(x, y, w, h); Mat crop = new Mat(bgrFrame, rect); Mat small = new Mat();
                Mat grey = new Mat()) {
            resize(crop, small, new Size(SIZE, SIZE));
            cvtColor(small, grey, COLOR_BGR2GRAY);
            input = Tensors.planar(grey, 0f, 256f);
        }
        float[] out = model.run(input, new long[] {1, 1, SIZE, SIZE}).values().iterator().next();
        float[] points = new float[out.length];
        for (int i = 0; i < out.length; i += 2) {
            points[i] = out[i] * w + x;
            points[i + 1] = out[i + 1] * h + y;
        }
        return points;
    }
}
