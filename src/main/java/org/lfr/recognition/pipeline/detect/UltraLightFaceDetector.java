package org.lfr.recognition.pipeline.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.lfr.recognition.pipeline.model.OnnxModel;
import org.lfr.recognition.pipeline.model.Tensors;

/**
 * The package's RFB-320-style detector: RGB 320×240, (p-127)/128, planar. Its {@code boxes} output is already
 * decoded against the priors inside the graph (corners relative to the input), so it is only scaled here.
 */
public final class UltraLightFaceDetector implements FaceDetector {

    public record Settings(int inputWidth, int inputHeight, float minConfidence, float nmsIou, int minFaceSize) {
    }

    private final OnnxModel model;
    private final Settings settings;

    public UltraLightFaceDetector(OnnxModel model, Settings settings) {
        this.model = model;
        this.settings = settings;
    }

    @Override
    public List<FaceBox> detect(Mat bgrFrame) {
        float[] input;
        try (Mat resized = new Mat(); Mat rgb = new Mat()) {
            resize(bgrFrame, resized, new Size(settings.inputWidth(), settings.inputHeight()));
            cvtColor(resized, rgb, COLOR_BGR2RGB);
            input = Tensors.planar(rgb, 127f, 128f);
        }
        Map<String, float[]> out = model.run(input, new long[] {1, 3, settings.inputHeight(), settings.inputWidth()});
        float[] scores = out.get("scores");
        float[] boxes = out.get("boxes");
        float sx = bgrFrame.cols();
        float sy = bgrFrame.rows();
        List<FaceBox> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            float score = scores[2 * i + 1];
            if (score < settings.minConfidence()) {
                continue;
            }
            FaceBox box = new FaceBox(clamp(boxes[4 * i] * sx, sx), clamp(boxes[4 * i + 1] * sy, sy),
                    clamp(boxes[4 * i + 2] * sx, sx), clamp(boxes[4 * i + 3] * sy, sy), score);
            if (box.width() >= settings.minFaceSize() && box.height() >= settings.minFaceSize()) {
                candidates.add(box);
            }
        }
        return nms(candidates, settings.nmsIou());
    }

    static List<FaceBox> nms(List<FaceBox> boxes, float iouThreshold) {
        List<FaceBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(FaceBox::score).reversed());
        List<FaceBox> kept = new ArrayList<>();
        for (FaceBox candidate : sorted) {
            if (kept.stream().noneMatch(k -> k.iou(candidate) > iouThreshold)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static float clamp(float v, float max) {
        return Math.max(0, Math.min(v, max - 1));
    }
}
