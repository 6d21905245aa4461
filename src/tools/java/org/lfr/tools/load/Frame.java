package org.lfr.tools.load;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.lfr.recognition.pipeline.image.ImageDecoder;

/** A camera-like frame: a 1280×720 JPEG with one face in it, as an edge camera would push. */
final class Frame {

    private Frame() {
    }

    static byte[] hd(Path face) throws java.io.IOException {
        try (Mat photo = ImageDecoder.decodeBgr(Files.readAllBytes(face)); Mat small = new Mat();
                Mat canvas = new Mat(720, 1280, opencv_core.CV_8UC3, new Scalar(60, 70, 80, 0))) {
            int height = 360;
            int width = (int) Math.round(photo.cols() * (double) height / photo.rows());
            opencv_imgproc.resize(photo, small, new Size(width, height));
            try (Rect where = new Rect(480, 180, Math.min(width, 800), height); Mat region = new Mat(canvas, where);
                    Mat part = new Mat(small, new Rect(0, 0, Math.min(width, 800), height))) {
                part.copyTo(region);
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
