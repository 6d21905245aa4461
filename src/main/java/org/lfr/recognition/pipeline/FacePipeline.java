package org.lfr.recognition.pipeline;

import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.pipeline.align.FaceLandmarker;
import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.detect.FaceDetector;
import org.lfr.recognition.pipeline.embed.EmbeddingBranch;

/**
 * detect → landmarks → align → embed, for every face of one frame; with two embedding branches their embeddings are
 * fused (see {@link EmbeddingBranch}). Plain Java (no CDI) so the evaluation tool
 * and the service run exactly the same code. Not thread-safe per instance only in the sense that ONNX sessions are
 * shared: ONNX Runtime sessions are safe for concurrent runs.
 */
public final class FacePipeline {

    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final List<EmbeddingBranch> branches;
    private final String embeddingName;

    public FacePipeline(FaceDetector detector, FaceLandmarker landmarker, List<EmbeddingBranch> branches) {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("at least one embedder");
        }
        double total = branches.stream().mapToDouble(EmbeddingBranch::weight).sum();
        if (Math.abs(total - 1) > 1e-6) {
            throw new IllegalArgumentException("embedding weights must add up to 1, they add up to " + total);
        }
        this.detector = detector;
        this.landmarker = landmarker;
        this.branches = List.copyOf(branches);
        this.embeddingName = branches.size() == 1 ? branches.get(0).embedder().name()
                : String.join("+", branches.stream().map(b -> b.embedder().name() + "@" + java.math.BigDecimal
                        .valueOf(b.weight()).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString()).toList());
    }

    /**
     * Identifies the models, preprocessing and fusion behind an embedding: embeddings of different names are never
     * compared.
     */
    public String embeddingName() {
        return embeddingName;
    }

    public FaceDetector detector() {
        return detector;
    }

    public FaceLandmarker landmarker() {
        return landmarker;
    }

    public List<EmbeddingBranch> branches() {
        return branches;
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
        double sharpness = 0;
        List<float[]> parts = new ArrayList<>(branches.size());
        for (EmbeddingBranch branch : branches) {
            try (Mat aligned = branch.aligner().align(bgrFrame, landmarks)) {
                if (parts.isEmpty()) {
                    sharpness = sharpness(aligned);
                }
                parts.add(branch.embedder().embed(aligned));
            }
        }
        return new FaceObservation(box, fuse(parts), sharpness);
    }

    /** One vector from the branches' embeddings, in branch order. */
    public float[] fuse(List<float[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        float[] fused = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int offset = 0;
        for (int i = 0; i < parts.size(); i++) {
            float w = (float) Math.sqrt(branches.get(i).weight());
            float[] part = parts.get(i);
            for (int j = 0; j < part.length; j++) {
                fused[offset + j] = part[j] * w;
            }
            offset += part.length;
        }
        return fused;
    }

    /** Aligned face crop (first embedder's alignment) for an alert; the caller owns it. */
    public Mat alignedFace(Mat bgrFrame, FaceBox box) {
        return branches.get(0).aligner().align(bgrFrame, landmarker.landmarks(bgrFrame, box));
    }

    /**
     * How good a detected face is for recognition, cheaply (no model runs): its size times the square root of the
     * sharpness of its box, taken at a fixed 64 px so that sizes compare fairly. Tracks re-embed a markedly better face.
     */
    public double quality(Mat bgrFrame, FaceBox box) {
        int x = Math.max(0, (int) box.x1());
        int y = Math.max(0, (int) box.y1());
        int w = Math.max(1, Math.min((int) box.width(), bgrFrame.cols() - x));
        int h = Math.max(1, Math.min((int) box.height(), bgrFrame.rows() - y));
        try (org.bytedeco.opencv.opencv_core.Rect rect = new org.bytedeco.opencv.opencv_core.Rect(x, y, w, h);
                Mat crop = new Mat(bgrFrame, rect); Mat small = new Mat()) {
            org.bytedeco.opencv.global.opencv_imgproc.resize(crop, small, new org.bytedeco.opencv.opencv_core.Size(64, 64));
            return Math.min(box.width(), box.height()) * Math.sqrt(sharpness(small));
        }
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
