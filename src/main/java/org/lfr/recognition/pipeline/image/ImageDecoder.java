package org.lfr.recognition.pipeline.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Decodes JPEG/PNG bytes into an OpenCV BGR image; null when the bytes are not a decodable image. */
public final class ImageDecoder {

    private ImageDecoder() {
    }

    /** The caller owns (and must close) the returned Mat. */
    public static Mat decodeBgr(byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        try (BytePointer pointer = new BytePointer(data); Mat buffer = new Mat(1, data.length,
                org.bytedeco.opencv.global.opencv_core.CV_8UC1, pointer)) {
            Mat image = opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR);
            if (image == null || image.empty()) {
                if (image != null) {
                    image.close();
                }
                return null;
            }
            return image;
        }
    }

    /** Whether the bytes decode to an image of at least 1×1 pixels. */
    public static boolean isDecodable(byte[] data) {
        try (Mat image = decodeBgr(data)) {
            return image != null && image.cols() > 0 && image.rows() > 0;
        }
    }
}
