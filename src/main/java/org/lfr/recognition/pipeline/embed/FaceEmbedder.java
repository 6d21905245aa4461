package org.lfr.recognition.pipeline.embed;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.pipeline.model.OnnxModel;
import org.lfr.recognition.pipeline.model.Tensors;

/**
 * An L2-normalised embedding of an aligned face. Input size, channel order (BGR measured better with the bundled
 * model) and pixel normalisation {@code (p - mean) / scale} come from configuration; enrolment and probes always use
 * the same. Optional horizontal-flip averaging.
 */
public final class FaceEmbedder {

    public enum ChannelOrder {
        BGR, RGB
    }

    /** {@code pixelMean}: one value per channel in the model's channel order. */
    public record Settings(ChannelOrder channelOrder, boolean flipAugmentation, int inputSize, float[] pixelMean,
            float pixelScale) {
    }

    private final OnnxModel model;
    private final Settings settings;
    private final String name;

    public FaceEmbedder(OnnxModel model, Settings settings, String name) {
        this.model = model;
        this.settings = settings;
        this.name = name;
    }

    /** Identifies the model and preprocessing: embeddings of different names are never compared. */
    public String name() {
        return name;
    }

    public int inputSize() {
        return settings.inputSize();
    }

    public float[] embed(Mat aligned) {
        if (aligned.cols() != settings.inputSize() || aligned.rows() != settings.inputSize()) {
            throw new IllegalArgumentException("the embedder " + name + " takes " + settings.inputSize() + "×"
                    + settings.inputSize() + " aligned faces");
        }
        float[] v = run(aligned);
        if (settings.flipAugmentation()) {
            try (Mat flipped = new Mat()) {
                flip(aligned, flipped, 1);
                float[] w = run(flipped);
                for (int i = 0; i < v.length; i++) {
                    v[i] += w[i];
                }
            }
        }
        return normalise(v);
    }

    private float[] run(Mat bgr) {
        float[] input;
        if (settings.channelOrder() == ChannelOrder.RGB) {
            try (Mat rgb = new Mat()) {
                cvtColor(bgr, rgb, COLOR_BGR2RGB);
                input = Tensors.planar(rgb, settings.pixelMean(), settings.pixelScale());
            }
        } else {
            input = Tensors.planar(bgr, settings.pixelMean(), settings.pixelScale());
        }
        int size = settings.inputSize();
        return model.run(input, new long[] {1, 3, size, size}).values().iterator().next();
    }

    public static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
