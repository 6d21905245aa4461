package org.lfr.recognition.pipeline.align;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Warps a face onto a five-point template (left eye, right eye, nose tip, left and right mouth corner, in output
 * pixels) by a least-squares similarity transform over all five points. The default is the 112×112 ArcFace template;
 * an embedder trained on other crops brings its own.
 */
public final class FaceAligner {

    public static final int ARCFACE_SIZE = 112;

    private final int size;
    private final double[][] template;

    public FaceAligner() {
        this(ARCFACE_SIZE, FivePoints.ARCFACE_112);
    }

    public FaceAligner(int size, double[][] template) {
        if (size < 16) {
            throw new IllegalArgumentException("aligned face size must be at least 16 px");
        }
        if (template.length != 5) {
            throw new IllegalArgumentException("the alignment template has five points, not " + template.length);
        }
        for (double[] p : template) {
            if (p.length != 2 || p[0] < 0 || p[1] < 0 || p[0] >= size || p[1] >= size) {
                throw new IllegalArgumentException("alignment template points must lie inside the " + size + " px face");
            }
        }
        this.size = size;
        this.template = template.clone();
    }

    /** The ArcFace template scaled to another square size. */
    public static FaceAligner arcFace(int size) {
        double[][] t = new double[5][];
        for (int i = 0; i < 5; i++) {
            t[i] = new double[] {FivePoints.ARCFACE_112[i][0] * size / ARCFACE_SIZE,
                    FivePoints.ARCFACE_112[i][1] * size / ARCFACE_SIZE};
        }
        return new FaceAligner(size, t);
    }

    public int size() {
        return size;
    }

    /** The caller owns the returned size×size BGR image. */
    public Mat align(Mat bgrFrame, float[] landmarks68) {
        double[] m = SimilarityTransform.fit(FivePoints.from68(landmarks68), template);
        Mat aligned = new Mat();
        try (Mat matrix = new Mat(2, 3, CV_64F); DoubleIndexer idx = matrix.createIndexer()) {
            for (int i = 0; i < 6; i++) {
                idx.put(i / 3, i % 3, m[i]);
            }
            warpAffine(bgrFrame, aligned, matrix, new Size(size, size), INTER_LINEAR, opencv_core.BORDER_CONSTANT,
                    new Scalar(0));
        }
        return aligned;
    }
}
