package org.lfr.support;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.lfr.recognition.pipeline.image.ImageDecoder;

/** Camera frames made from real photos: a face placed where a test needs it, so each place is a new passer-by. */
public final class Frames {

    private Frames() {
    }

    /** A 1600×480 JPEG frame showing {@code photo} (under {@code ../shared/eval}) scaled to 320 px high at {@code x}. */
    public static byte[] faceAt(String photo, int x) {
        try (Mat face = ImageDecoder.decodeBgr(SharedEval.bytes(photo)); Mat small = new Mat();
                Mat canvas = new Mat(480, 1600, opencv_core.CV_8UC3, new Scalar(40, 40, 40, 0))) {
            int height = 320;
            int width = (int) Math.round(face.cols() * (double) height / face.rows());
            org.bytedeco.opencv.global.opencv_imgproc.resize(face, small, new org.bytedeco.opencv.opencv_core.Size(width,
                    height));
            try (Rect where = new Rect(Math.min(x, 1600 - width), 80, width, height); Mat region = new Mat(canvas, where)) {
                small.copyTo(region);
            }
            try (BytePointer jpeg = new BytePointer()) {
                imencode(".jpg", canvas, jpeg);
                byte[] bytes = new byte[(int) jpeg.limit()];
                jpeg.get(bytes);
                return bytes;
            }
        }
    }
}
