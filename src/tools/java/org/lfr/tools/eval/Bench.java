package org.lfr.tools.eval;

import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.tools.StandaloneConfig;
import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.embed.EmbeddingBranch;
import org.lfr.recognition.pipeline.embed.FaceEmbedder;
import org.lfr.recognition.pipeline.match.InMemoryWatchlistIndex;
import org.lfr.recognition.pipeline.model.OnnxModel;
import org.lfr.recognition.pipeline.track.FaceTracker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Per-stage timings of the pipeline on a video, frames scaled to the requested size (default 1280×720), on one
 * thread, plus the models-only time of the same faces (the floor on this machine) and each model alone in a tight
 * loop. Matching uses the service's in-memory index of 2,000 enrolled (random vectors); with LFR_BENCH_JDBC_URL also
 * pgvector, the fallback matcher.
 */
public final class Bench {

    /** The shape of WatchlistMatcher's query: every face of the frame in one statement, exact nearest per face. */
    static void matchInPostgres(java.sql.Connection db, List<float[]> probes) throws java.sql.SQLException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < probes.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", cast(? as vector))");
        }
        String sql = "select p.idx, m.id, m.similarity from (values " + values + ") as p(idx, v) cross join lateral"
                + " (select g.id, 1 - (g.embedding <=> p.v) as similarity from bench_gallery g"
                + " order by g.embedding <=> p.v limit 1) m";
        try (var st = db.prepareStatement(sql)) {
            for (int i = 0; i < probes.size(); i++) {
                st.setString(i + 1, org.lfr.persistence.VectorText.format(probes.get(i)));
            }
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    rs.getDouble(3);
                }
            }
        }
    }

    /**
     * One model's call in the pipeline (its share of the stage's time) against the same model file run alone in a
     * tight loop (its own session, same threads, 50 warm-up calls, then 300 timed) on an input of its shape.
     */
    private static Map<String, Double> modelCall(Path file, int threads, long[] shape, double inPipelineMs) {
        try (OnnxModel model = new OnnxModel(file, threads)) {
            long[] s = shape != null ? shape : model.inputShape();
            float[] input = new float[(int) java.util.Arrays.stream(s).reduce(1, (a, b) -> a * b)];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat();
            }
            for (int i = 0; i < 50; i++) {
                model.run(input, s);
            }
            int calls = 300;
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                model.run(input, s);
            }
            double alone = (System.nanoTime() - t0) / 1e6 / calls;
            Map<String, Double> row = new java.util.LinkedHashMap<>();
            row.put("in_pipeline", inPipelineMs);
            row.put("standalone", alone);
            row.put("in_pipeline_over_standalone", inPipelineMs / alone);
            return row;
        }
    }

    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 720;
        RecognitionConfig c = StandaloneConfig.recognition();
        FacePipeline pipeline = PipelineFactory.create(c); // the service's configuration, one intra-op thread
        var detector = pipeline.detector();
        var landmarker = pipeline.landmarker();
        List<EmbeddingBranch> branches = pipeline.branches();
        int dimensions = 0;
        for (EmbeddingBranch branch : branches) {
            int size = branch.aligner().size();
            try (Mat blank = new Mat(size, size, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(0))) {
                dimensions += branch.embedder().embed(blank).length;
            }
        }

        float[][] gallery = new float[2000][];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < gallery.length; i++) {
            float[] v = new float[dimensions];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) r.nextGaussian();
            }
            gallery[i] = FaceEmbedder.normalise(v);
        }

        // the service's matcher: an exact in-memory index of the frozen watchlist
        InMemoryWatchlistIndex index = new InMemoryWatchlistIndex(java.util.stream.IntStream.range(0, gallery.length)
                .mapToObj(i -> java.util.UUID.randomUUID()).toList(), List.of(gallery));
        // Optional: the service's matching shape against pgvector (one round trip per frame, exact cosine, 2,000
        // enrolled) in a temporary table, when a JDBC URL is given (LFR_BENCH_JDBC_URL, user/password lfr).
        String jdbc = System.getenv("LFR_BENCH_JDBC_URL");
        java.sql.Connection db = null;
        if (jdbc != null) {
            db = java.sql.DriverManager.getConnection(jdbc, System.getenv().getOrDefault("LFR_BENCH_DB_USER", "lfr"),
                    System.getenv().getOrDefault("LFR_BENCH_DB_PASSWORD", "lfr"));
            try (var st = db.createStatement()) {
                st.execute("create temporary table bench_gallery (id int, embedding vector(" + dimensions + "))");
            }
            try (var insert = db.prepareStatement("insert into bench_gallery values (?, cast(? as vector))")) {
                for (int i = 0; i < gallery.length; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, org.lfr.persistence.VectorText.format(gallery[i]));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        long pgMatch = 0, pgFrames = 0;
        long decode = 0, detect = 0, landmark = 0, align = 0, embed = 0, match = 0, frames = 0, faces = 0;
        long[] embedPerBranch = new long[branches.size()];
        long total = System.nanoTime();
        for (int pass = 0; pass < 2; pass++) { // first pass warms up, second is measured
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toString());
                    OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
                grabber.start();
                if (pass == 1) {
                    decode = detect = landmark = align = embed = match = frames = faces = 0;
                    java.util.Arrays.fill(embedPerBranch, 0);
                    pgMatch = pgFrames = 0;
                    total = System.nanoTime();
                }
                Frame frame;
                while (true) {
                    long t0 = System.nanoTime();
                    frame = grabber.grabImage();
                    if (frame == null) {
                        break;
                    }
                    Mat mat = new Mat();
                    resize(converter.convert(frame), mat, new Size(width, height));
                    long t1 = System.nanoTime();
                    List<FaceBox> boxes = detector.detect(mat);
                    long t2 = System.nanoTime();
                    decode += t1 - t0;
                    detect += t2 - t1;
                    List<float[]> frameEmbeddings = new java.util.ArrayList<>();
                    for (FaceBox box : boxes) {
                        long a = System.nanoTime();
                        float[] points = landmarker.landmarks(mat, box);
                        long b = System.nanoTime();
                        List<float[]> parts = new java.util.ArrayList<>();
                        long alignNs = 0;
                        for (int k = 0; k < branches.size(); k++) {
                            long s0 = System.nanoTime();
                            try (Mat aligned = branches.get(k).aligner().align(mat, points)) {
                                long s1 = System.nanoTime();
                                parts.add(branches.get(k).embedder().embed(aligned));
                                alignNs += s1 - s0;
                                embedPerBranch[k] += System.nanoTime() - s1;
                            }
                        }
                        float[] e = pipeline.fuse(parts);
                        frameEmbeddings.add(e);
                        long dd = System.nanoTime();
                        index.nearest(e, FaceTracker.NEAREST);
                        long ee = System.nanoTime();
                        landmark += b - a;
                        align += alignNs;
                        embed += dd - b - alignNs;
                        match += ee - dd;
                        faces++;
                    }
                    if (db != null && !frameEmbeddings.isEmpty()) {
                        long m0 = System.nanoTime();
                        matchInPostgres(db, frameEmbeddings);
                        pgMatch += System.nanoTime() - m0;
                        pgFrames++;
                    }
                    mat.close();
                    frames++;
                }
            }
        }
        double seconds = (System.nanoTime() - total) / 1e9;
        double modelsMs = (detect + landmark + embed) / 1e6;
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        report.put("video", video.getFileName().toString());
        report.put("frame_size", width + "x" + height);
        report.put("frames", frames);
        report.put("faces", faces);
        report.put("ms_per_frame", Map.of("decode_and_scale", decode / 1e6 / frames, "detect", detect / 1e6 / frames));
        Map<String, Object> perFace = new java.util.LinkedHashMap<>();
        perFace.put("landmarks", landmark / 1e6 / Math.max(1, faces));
        perFace.put("align", align / 1e6 / Math.max(1, faces));
        perFace.put("embed", embed / 1e6 / Math.max(1, faces));
        for (int k = 0; k < branches.size(); k++) {
            perFace.put("embed_" + branches.get(k).embedder().name(), embedPerBranch[k] / 1e6 / Math.max(1, faces));
        }
        perFace.put("match_2000_in_memory", match / 1e6 / Math.max(1, faces));
        report.put("ms_per_face", perFace);
        report.put("embedding", pipeline.embeddingName() + " (" + dimensions + " dimensions)");
        if (pgFrames > 0) {
            report.put("ms_per_frame_with_faces_pgvector_match_2000", pgMatch / 1e6 / pgFrames);
        }
        report.put("end_to_end_fps_one_thread", frames / seconds);
        report.put("models_only_fps_one_thread", frames / (modelsMs / 1000));
        report.put("end_to_end_over_models_only", (frames / seconds) / (frames / (modelsMs / 1000)));
        // Each model alone, in a tight loop on a fixed input of its shape, in this run: what a call costs without the
        // pipeline around it (cropping, resizing, tensor building, post-processing)
        Path models = PipelineFactory.modelDirectory(c.modelDir());
        Map<String, Object> perCall = new java.util.LinkedHashMap<>();
        perCall.put("detect", modelCall(models.resolve(c.detector().model()), c.intraOpThreads(),
                new long[] {1, 3, c.detector().inputHeight(), c.detector().inputWidth()}, detect / 1e6 / frames));
        perCall.put("landmarks", modelCall(models.resolve(c.landmarkModel()), c.intraOpThreads(), null,
                landmark / 1e6 / Math.max(1, faces) / (c.landmarkFlipAveraging() ? 2 : 1)));
        for (int k = 0; k < branches.size(); k++) {
            var settings = k == 0 ? c.embedder() : c.secondEmbedder();
            String model = k == 0 ? c.embedder().model() : c.secondEmbedder().model().orElseThrow();
            perCall.put("embed_" + branches.get(k).embedder().name(), modelCall(models.resolve(model),
                    c.intraOpThreads(), null,
                    embedPerBranch[k] / 1e6 / Math.max(1, faces) / (settings.flipAugmentation() ? 2 : 1)));
        }
        report.put("ms_per_model_call", perCall);
        report.put("threads", 1);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), json);
        }
        System.out.println(json);
    }
}
