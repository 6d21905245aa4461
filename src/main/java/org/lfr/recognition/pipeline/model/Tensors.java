package org.lfr.recognition.pipeline.model;

import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import java.nio.FloatBuffer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Packs an 8-bit OpenCV image into the planar (NCHW) float layout the models take, with OpenCV's blobFromImage. */
public final class Tensors {

    private Tensors() {
    }

    /** {@code image} is H×W×C 8-bit (C = 1 or 3, channel order kept); returns (p - mean) / scale as C planes. */
    public static float[] planar(Mat image, float mean, float scale) {
        return planar(image, new float[] {mean, mean, mean}, scale);
    }

    /** As {@link #planar(Mat, float, float)} with one mean per channel, in the image's channel order. */
    public static float[] planar(Mat image, float[] mean, float scale) {
        try (Mat blob = blobFromImage(image, 1.0 / scale, new Size(image.cols(), image.rows()),
                new Scalar(mean[0], mean[1], mean[2], 0), false, false,
                org.bytedeco.opencv.global.opencv_core.CV_32F)) {
            float[] out = new float[image.channels() * image.rows() * image.cols()];
            FloatBuffer buffer = blob.createBuffer();
            buffer.get(out);
            return out;
        }
    }
}
