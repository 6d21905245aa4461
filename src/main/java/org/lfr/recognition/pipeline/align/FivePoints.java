package org.lfr.recognition.pipeline.align;

/**
 * The five points the ArcFace template uses, from the 68-point layout: eye centres (means of four eyelid points),
 * nose tip, mouth corners (means of outer and inner lip corners).
 */
public final class FivePoints {

    /** 112×112 ArcFace reference: left eye, right eye, nose, left and right mouth corner. */
    public static final double[][] ARCFACE_112 = {
            {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    private FivePoints() {
    }

    public static double[][] from68(float[] p) {
        return new double[][] {
                mean(p, 37, 38, 40, 41), mean(p, 43, 44, 46, 47), {p[2 * 30], p[2 * 30 + 1]},
                mean(p, 48, 60), mean(p, 54, 64)};
    }

    private static double[] mean(float[] p, int... indices) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += p[2 * i];
            y += p[2 * i + 1];
        }
        return new double[] {x / indices.length, y / indices.length};
    }
}
