package org.lfr.recognition.model;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Packs an 8-bit OpenCV image into the planar float layout the models take: (p - mean) / scale per channel. */
public final class Tensors {

    private Tensors() {
    }

    /** {@code image} is H×W×C 8-bit (C = 1 or 3); returns C planes of H×W floats. */
    public static float[] planar(Mat image, float mean, float scale) {
        int rows = image.rows();
        int cols = image.cols();
        int channels = image.channels();
        float[] out = new float[channels * rows * cols];
        int plane = rows * cols;
        try (UByteIndexer idx = image.createIndexer()) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    for (int c = 0; c < channels; c++) {
                        out[c * plane + y * cols + x] = (idx.get(y, x, c) - mean) / scale;
                    }
                }
            }
        }
        return out;
    }
}
