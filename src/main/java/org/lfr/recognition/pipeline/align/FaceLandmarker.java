package org.lfr.recognition.pipeline.align;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.model.OnnxModel;
import org.lfr.recognition.pipeline.model.Tensors;

/**
 * 68 facial landmarks from the package's landmark model: the face box cropped, resized to 64×64 grey, pixels /256;
 * the output is 68 (x, y) pairs relative to the crop.
 */
public final class FaceLandmarker {

    private static final int SIZE = 64;

    /** Index of each of the 68 points in the mirrored face (iBUG 68-point layout). */
    private static final int[] MIRROR = mirror();

    private final OnnxModel model;
    private final boolean flipAveraging;

    public FaceLandmarker(OnnxModel model) {
        this(model, false);
    }

    /**
     * @param flipAveraging also run the mirrored crop and average the two (mirrored back) point sets: the 64×64
     *     input quantises points coarsely, and averaging halves the noise for one more small inference.
     */
    public FaceLandmarker(OnnxModel model, boolean flipAveraging) {
        this.model = model;
        this.flipAveraging = flipAveraging;
    }

    private static int[] mirror() {
        int[] m = new int[68];
        for (int i = 0; i < 68; i++) {
            m[i] = i;
        }
        pair(m, 0, 16, 17); // jaw
        pair(m, 17, 26, 5); // brows
        pair(m, 31, 35, 2); // nostrils
        int[][] pairs = {{36, 45}, {37, 44}, {38, 43}, {39, 42}, {40, 47}, {41, 46}, {48, 54}, {49, 53}, {50, 52},
                {55, 59}, {56, 58}, {60, 64}, {61, 63}, {65, 67}};
        for (int[] p : pairs) {
            m[p[0]] = p[1];
            m[p[1]] = p[0];
        }
        return m;
    }

    /** Pairs {@code from..} with {@code to..} downwards, {@code count} points. */
    private static void pair(int[] m, int from, int to, int count) {
        for (int k = 0; k < count; k++) {
            m[from + k] = to - k;
            m[to - k] = from + k;
        }
    }

    /** 136 values: x0, y0, x1, y1, … in frame pixels. */
    public float[] landmarks(Mat bgrFrame, FaceBox box) {
        int x = Math.max(0, (int) box.x1());
        int y = Math.max(0, (int) box.y1());
        int w = Math.max(1, Math.min((int) box.width(), bgrFrame.cols() - x));
        int h = Math.max(1, Math.min((int) box.height(), bgrFrame.rows() - y));
        float[] input;
        float[] mirrored = null;
        try (Rect rect = new Rect(x, y, w, h); Mat crop = new Mat(bgrFrame, rect); Mat small = new Mat();
                Mat grey = new Mat(); Mat flipped = new Mat()) {
            resize(crop, small, new Size(SIZE, SIZE));
            cvtColor(small, grey, COLOR_BGR2GRAY);
            input = Tensors.planar(grey, 0f, 256f);
            if (flipAveraging) {
                org.bytedeco.opencv.global.opencv_core.flip(grey, flipped, 1);
                mirrored = Tensors.planar(flipped, 0f, 256f);
            }
        }
        float[] out = model.run(input, new long[] {1, 1, SIZE, SIZE}).values().iterator().next();
        if (mirrored != null) {
            float[] back = model.run(mirrored, new long[] {1, 1, SIZE, SIZE}).values().iterator().next();
            for (int i = 0; i < 68; i++) {
                int j = MIRROR[i];
                out[2 * i] = (out[2 * i] + (1f - back[2 * j])) / 2f;
                out[2 * i + 1] = (out[2 * i + 1] + back[2 * j + 1]) / 2f;
            }
        }
        float[] points = new float[out.length];
        for (int i = 0; i < out.length; i += 2) {
            points[i] = out[i] * w + x;
            points[i + 1] = out[i + 1] * h + y;
        }
        return points;
    }
}
