package org.lfr.tools.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.pipeline.FaceObservation;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.tools.StandaloneConfig;
import org.lfr.recognition.pipeline.embed.FaceEmbedder;
import org.lfr.recognition.pipeline.image.ImageDecoder;

/**
 * Why did (or didn't) someone alert? Prints, for every face the service's pipeline finds in every frame of a video,
 * its size and its similarity to each given photo (the largest face of each photo), as TSV, then each photo's best
 * score. Run through {@code scripts/score-video VIDEO PHOTO...}; nothing is stored.
 */
public final class VideoScores {

    private VideoScores() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: VideoScores VIDEO PHOTO [PHOTO...]");
            System.exit(2);
        }
        FacePipeline pipeline = PipelineFactory.create(StandaloneConfig.recognition());
        List<String> names = new ArrayList<>();
        List<float[]> enrolled = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path photo = Path.of(args[i]);
            try (Mat image = ImageDecoder.decodeBgr(Files.readAllBytes(photo))) {
                if (image == null) {
                    throw new IllegalArgumentException(photo + ": not a decodable image");
                }
                FaceObservation face = pipeline.analyse(image).stream()
                        .max(Comparator.comparingDouble(o -> o.box().width() * o.box().height()))
                        .orElseThrow(() -> new IllegalArgumentException(photo + ": no face found"));
                names.add(photo.getFileName().toString());
                enrolled.add(face.embedding());
            }
        }
        double[] best = new double[names.size()];
        int[] bestFrame = new int[names.size()];
        java.util.Arrays.fill(best, -1);
        System.out.println("frame\tface_width\tface_height\t" + String.join("\t", names));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(args[0]);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int n = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                for (FaceObservation face : pipeline.analyse(converter.convert(frame))) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d\t%.0f\t%.0f", n,
                            face.box().width(), face.box().height()));
                    for (int i = 0; i < enrolled.size(); i++) {
                        double s = FaceEmbedder.cosine(face.embedding(), enrolled.get(i));
                        line.append(String.format(Locale.ROOT, "\t%.3f", s));
                        if (s > best[i]) {
                            best[i] = s;
                            bestFrame[i] = n;
                        }
                    }
                    System.out.println(line);
                }
                n++;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            System.err.printf(Locale.ROOT, "best %s: %.3f (frame %d)%n", names.get(i), best[i], bestFrame[i]);
        }
    }
}
