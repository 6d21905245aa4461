package org.lfr.recognition.pipeline.align;

/**
 * The least-squares similarity transform (rotation, uniform scale, translation; Umeyama) mapping source points onto
 * destination points, fitted over all points. OpenCV's estimateAffinePartial2D is robust-estimated and may drop
 * points; a 3-point exact affine shears faces (88% LFW pairs instead of ~98.5%).
 */
public final class SimilarityTransform {

    private SimilarityTransform() {
    }

    /** Row-major 2×3 matrix [a -b tx; b a ty] minimising Σ |M·src_i - dst_i|². */
    public static double[] fit(double[][] src, double[][] dst) {
        int n = src.length;
        double msx = 0, msy = 0, mdx = 0, mdy = 0;
        for (int i = 0; i < n; i++) {
            msx += src[i][0];
            msy += src[i][1];
            mdx += dst[i][0];
            mdy += dst[i][1];
        }
        msx /= n;
        msy /= n;
        mdx /= n;
        mdy /= n;
        double sxx = 0, a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            double sx = src[i][0] - msx, sy = src[i][1] - msy;
            double dx = dst[i][0] - mdx, dy = dst[i][1] - mdy;
            sxx += sx * sx + sy * sy;
            a += sx * dx + sy * dy;
            b += sx * dy - sy * dx;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("source points coincide");
        }
        a /= sxx;
        b /= sxx;
        double tx = mdx - (a * msx - b * msy);
        double ty = mdy - (b * msx + a * msy);
        return new double[] {a, -b, tx, b, a, ty};
    }
}
