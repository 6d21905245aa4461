package org.lfr.recognition;

import java.nio.file.Path;

import org.lfr.recognition.align.FaceAligner;
import org.lfr.recognition.align.FaceLandmarker;
import org.lfr.recognition.detect.UltraLightFaceDetector;
import org.lfr.recognition.embed.FaceEmbedder;
import org.lfr.recognition.model.OnnxModel;

/** Builds the pipeline from configuration values; used by the service (via CDI) and by the evaluation tool. */
public final class PipelineFactory {

    private PipelineFactory() {
    }

    public static FacePipeline create(RecognitionConfig c) {
        Path dir = Path.of(c.modelDir());
        require(dir, c.detector().model());
        require(dir, c.landmarkModel());
        require(dir, c.embedder().model());
        var detector = new UltraLightFaceDetector(new OnnxModel(dir.resolve(c.detector().model()), c.intraOpThreads()),
                new UltraLightFaceDetector.Settings(c.detector().inputWidth(), c.detector().inputHeight(),
                        c.detector().minConfidence(), c.detector().nmsIou(), c.detector().minFaceSize()));
        var landmarker = new FaceLandmarker(new OnnxModel(dir.resolve(c.landmarkModel()), c.intraOpThreads()),
                c.landmarkFlipAveraging());
        var order = FaceEmbedder.ChannelOrder.valueOf(c.embedder().channelOrder().toUpperCase());
        var embedder = new FaceEmbedder(new OnnxModel(dir.resolve(c.embedder().model()), c.intraOpThreads()),
                new FaceEmbedder.Settings(order, c.embedder().flipAugmentation()),
                c.embedder().model() + ":" + order + (c.embedder().flipAugmentation() ? ":flip" : ""));
        return new FacePipeline(detector, landmarker, new FaceAligner(), embedder);
    }

    private static void require(Path dir, String file) {
        if (!dir.resolve(file).toFile().isFile()) {
            throw new IllegalStateException("model file " + dir.resolve(file).toAbsolutePath()
                    + " not found: set lfr.recognition.model-dir (LFR_RECOGNITION_MODEL_DIR) to the models folder");
        }
    }
}
