package org.lfr.recognition;

import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.align.FaceAligner;
import org.lfr.recognition.align.FaceLandmarker;
import org.lfr.recognition.detect.FaceBox;
import org.lfr.recognition.detect.FaceDetector;
import org.lfr.recognition.embed.FaceEmbedder;

/**
 * detect → landmarks → align → embed, for every face of one frame. Plain Java (no CDI) so the evaluation tool
 * and the service run exactly the same code. Not thread-safe per instance only in the sense that ONNX sessions are
 * shared: ONNX Runtime sessions are safe for concurrent runs.
 */
public final class FacePipeline {

    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final FaceAligner aligner;
    private final FaceEmbedder embedder;

    public FacePipeline(FaceDetector detector, FaceLandmarker landmarker, FaceAligner aligner, FaceEmbedder embedder) {
        this.detector = detector;
        this.landmarker = landmarker;
        this.aligner = aligner;
        this.embedder = embedder;
    }

    public FaceEmbedder embedder() {
        return embedder;
    }

    public List<FaceBox> detect(Mat bgrFrame) {
        return detector.detect(bgrFrame);
    }

    public List<FaceObservation> analyse(Mat bgrFrame) {
        List<FaceObservation> faces = new ArrayList<>();
        for (FaceBox box : detector.detect(bgrFrame)) {
            faces.add(describe(bgrFrame, box));
        }
        return faces;
    }

    public FaceObservation describe(Mat bgrFrame, FaceBox box) {
        float[] landmarks = landmarker.landmarks(bgrFrame, box);
        try (Mat aligned = aligner.align(bgrFrame, landmarks)) {
            return new FaceObservation(box, embedder.embed(aligned), sharpness(aligned));
        }
    }

    /** Aligned face crop for an alert (the caller owns it). */
    public Mat alignedFace(Mat bgrFrame, FaceBox box) {
        return aligner.align(bgrFrame, landmarker.landmarks(bgrFrame, box));
    }

    /** Variance of the Laplacian of the aligned face: low means blurred. */
    static double sharpness(Mat aligned) {
        try (Mat grey = new Mat(); Mat lap = new Mat(); Mat mean = new Mat(); Mat std = new Mat()) {
            cvtColor(aligned, grey, COLOR_BGR2GRAY);
            Laplacian(grey, lap, opencv_core.CV_64F);
            meanStdDev(lap, mean, std);
            try (DoubleIndexer idx = std.createIndexer()) {
                double s = idx.get(0);
                return s * s;
            }
        }
    }
}
