package org.lfr.recognition.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lfr.recognition.pipeline.align.FaceAligner;
import org.lfr.recognition.pipeline.align.FaceLandmarker;
import org.lfr.recognition.pipeline.detect.UltraLightFaceDetector;
import org.lfr.recognition.pipeline.embed.EmbeddingBranch;
import org.lfr.recognition.pipeline.embed.FaceEmbedder;
import org.lfr.recognition.pipeline.model.OnnxModel;

/** Builds the pipeline from configuration values; used by the service (via CDI) and by the evaluation tool. */
public final class PipelineFactory {

    private PipelineFactory() {
    }

    public static FacePipeline create(RecognitionConfig c) {
        Path dir = modelDirectory(c.modelDir());
        require(dir, c.detector().model());
        require(dir, c.landmarkModel());
        var detector = new UltraLightFaceDetector(new OnnxModel(dir.resolve(c.detector().model()), c.intraOpThreads()),
                new UltraLightFaceDetector.Settings(c.detector().inputWidth(), c.detector().inputHeight(),
                        c.detector().minConfidence(), c.detector().nmsIou(), c.detector().minFaceSize()));
        var landmarker = new FaceLandmarker(new OnnxModel(dir.resolve(c.landmarkModel()), c.intraOpThreads()),
                c.landmarkFlipAveraging());
        List<EmbeddingBranch> branches = new ArrayList<>();
        var second = c.secondEmbedder();
        double secondWeight = second.model().isPresent() ? second.weight() : 0.0;
        branches.add(branch(dir, c.embedder().model(), c.embedder(), 1 - secondWeight, c.intraOpThreads()));
        if (second.model().isPresent()) {
            branches.add(branch(dir, second.model().get(), second, secondWeight, c.intraOpThreads()));
        }
        return new FacePipeline(detector, landmarker, branches);
    }

    private static EmbeddingBranch branch(Path dir, String model, RecognitionConfig.EmbedderSettings e,
            double weight, int threads) {
        require(dir, model);
        var order = FaceEmbedder.ChannelOrder.valueOf(e.channelOrder().toUpperCase());
        List<Float> mean = e.pixelMean();
        if (mean.size() != 1 && mean.size() != 3) {
            throw new IllegalStateException("pixel-mean of " + model + " needs one or three values");
        }
        float[] means = {mean.get(0), mean.get(mean.size() / 2), mean.get(mean.size() - 1)};
        var settings = new FaceEmbedder.Settings(order, e.flipAugmentation(), e.inputSize(), means, e.pixelScale());
        var embedder = new FaceEmbedder(new OnnxModel(dir.resolve(model), threads), settings, name(model, e));
        return new EmbeddingBranch(aligner(model, e), embedder, weight);
    }

    private static FaceAligner aligner(String model, RecognitionConfig.EmbedderSettings e) {
        if (e.alignmentTemplate().isEmpty()) {
            return FaceAligner.arcFace(e.inputSize());
        }
        List<Double> t = e.alignmentTemplate().get();
        if (t.size() != 10) {
            throw new IllegalStateException("alignment-template of " + model + " needs 10 numbers (5 points), has "
                    + t.size());
        }
        double[][] points = new double[5][];
        for (int i = 0; i < 5; i++) {
            points[i] = new double[] {t.get(2 * i), t.get(2 * i + 1)};
        }
        return new FaceAligner(e.inputSize(), points);
    }

    /**
     * Model file, channel order, flip, and (when not the ArcFace defaults) a short digest of size, normalisation and
     * template: stored with every embedding, so vectors made with other settings are never compared. The default
     * embedder keeps the name its stored embeddings already carry.
     */
    private static String name(String model, RecognitionConfig.EmbedderSettings e) {
        String name = model + ":" + e.channelOrder().toUpperCase() + (e.flipAugmentation() ? ":flip" : "");
        boolean customised = e.inputSize() != 112 || e.pixelScale() != 128f || e.alignmentTemplate().isPresent()
                || e.pixelMean().stream().anyMatch(m -> m != 127f);
        if (!customised) {
            return name;
        }
        String settings = e.inputSize() + "|" + e.pixelMean() + "|" + e.pixelScale() + "|" + e.alignmentTemplate();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(settings.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return name + ":" + e.inputSize() + ":" + java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    /**
     * A relative model folder is looked for in the working directory, then beside the application (the folder of
     * quarkus-run.jar, where the build and the container image put the models), so the packaged service runs from
     * any directory.
     */
    public static Path modelDirectory(String configured) {
        Path dir = Path.of(configured);
        if (dir.isAbsolute() || Files.isDirectory(dir)) {
            return dir;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith("quarkus-run.jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path besideApplication = Path.of(classPath).toAbsolutePath().getParent().resolve(configured);
            if (Files.isDirectory(besideApplication)) {
                return besideApplication;
            }
        }
        return dir;
    }

    private static void require(Path dir, String file) {
        if (!dir.resolve(file).toFile().isFile()) {
            throw new IllegalStateException("model file " + dir.resolve(file).toAbsolutePath()
                    + " not found: set lfr.recognition.model-dir (LFR_RECOGNITION_MODEL_DIR) to the models folder");
        }
    }
}
