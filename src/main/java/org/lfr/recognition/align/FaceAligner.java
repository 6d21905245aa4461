package org.lfr.recognition.align;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Warps a face onto the 112×112 ArcFace template by a 5-point similarity transform. */
public final class FaceAligner {

    public static final int SIZE = 112;

    /** The caller owns the returned 112×112 BGR image. */
    public Mat align(Mat bgrFrame, float[] landmarks68) {
        double[] m = SimilarityTransform.fit(FivePoints.from68(landmarks68), FivePoints.ARCFACE_112);
        Mat aligned = new Mat();
        try (Mat matrix = new Mat(2, 3, CV_64F); DoubleIndexer idx = matrix.createIndexer()) {
            for (int i = 0; i < 6; i++) {
                idx.put(i / 3, i % 3, m[i]);
            }
            warpAffine(bgrFrame, aligned, matrix, new Size(SIZE, SIZE), INTER_LINEAR, opencv_core.BORDER_CONSTANT,
                    new Scalar(0));
        }
        return aligned;
    }
}
