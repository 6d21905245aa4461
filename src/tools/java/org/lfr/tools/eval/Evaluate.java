package org.lfr.tools.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.tools.StandaloneConfig;
import org.lfr.recognition.pipeline.detect.FaceBox;
import org.lfr.recognition.pipeline.embed.FaceEmbedder;
import org.lfr.recognition.pipeline.image.ImageDecoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Measures the service's own pipeline on a labelled face folder ({@code DIR/<identity>/<image>}): 1:1 pairs accuracy
 * (LFW 10-fold protocol) and open-set 1:N identification (TPIR at fixed FPIR). Run through {@code scripts/evaluate}.
 */
public final class Evaluate {

    static final int MAX_PROBES_PER_IDENTITY = 20;
    static final double[] FPIRS = {0.01, 0.001};

    public static void main(String[] args) throws Exception {
        Path dataset = null;
        Path pairsFile = null;
        Path out = null;
        Path groupsFile = null;
        Path calibrationOut = null;
        boolean cohortExperiment = false;
        Path cohortOut = null;
        int cohortSize = CohortBuilder.DEFAULT_SIZE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cohort-experiment" -> cohortExperiment = true;
                case "--pairs" -> pairsFile = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--groups" -> groupsFile = Path.of(args[++i]);
                case "--calibration-out" -> calibrationOut = Path.of(args[++i]);
                case "--cohort-out" -> cohortOut = Path.of(args[++i]);
                case "--cohort-size" -> cohortSize = Integer.parseInt(args[++i]);
                default -> dataset = Path.of(args[i]);
            }
        }
        if (dataset == null || !Files.isDirectory(dataset)) {
            System.err.println("usage: scripts/evaluate DATASET_DIR [--pairs PAIRS_TSV] [--groups LABELS_TSV]"
                    + " [--out FILE.json] [--calibration-out models/calibration.json] [--cohort-experiment]\n"
                    + "       scripts/evaluate DATASET_DIR --cohort-out models/cohort.json [--cohort-size 1000]");
            System.exit(2);
        }
        RecognitionConfig config = StandaloneConfig.recognition();
        FacePipeline pipeline = PipelineFactory.create(config);
        if (cohortOut != null) {
            // the look-alike cohort only: no evaluation, which would take far longer and is not needed for it
            CohortBuilder.build(pipeline, config, dataset, cohortOut, cohortSize);
            return;
        }
        Evaluate evaluate = new Evaluate(pipeline, dataset);
        Map<String, Object> report = evaluate.run(pairsFile);
        report.put("models", models(config));
        Map<String, String> groups = groupsFile == null ? Map.of() : GroupReport.read(groupsFile);
        if (groupsFile != null) {
            double defaultThreshold = StandaloneConfig.governance().defaultMatchThreshold();
            PersonGroups people = PersonGroups.of(evaluate.protocol, groups);
            double floor = Math.min(defaultThreshold, evaluate.last.thresholds().values().stream()
                    .mapToDouble(Double::doubleValue).min().orElse(defaultThreshold));
            ImpostorSet set = ImpostorSet.score(evaluate.protocol, people.groupOf(), evaluate.embeddings, floor);
            GroupReport g = new GroupReport(evaluate.last, groups, defaultThreshold, set, people.mixed());
            report.putAll(g.json());
            System.err.println(g.table());
            if (cohortExperiment) {
                Map<String, Object> experiment = CohortNormalisation.run(evaluate.identities, evaluate.embeddings,
                        groups, MAX_PROBES_PER_IDENTITY);
                report.put("cohort_normalisation", experiment);
                System.err.println(CohortNormalisation.table(experiment));
            }
        }
        if (calibrationOut != null) {
            Map<String, Object> calibration = Calibration.of(evaluate.last, groups, dataset, groupsFile,
                    pipeline.embeddingName(), models(config), StandaloneConfig.governance().defaultMatchThreshold());
            Files.writeString(calibrationOut, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(calibration) + "\n");
            System.err.println("calibration written to " + calibrationOut);
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        if (out != null) {
            Files.writeString(out, json);
        }
        System.out.println(json);
    }

    private final FacePipeline pipeline;
    private final Path dataset;
    private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    /** The open-set result of the last run, probe by probe (for groups and calibration). */
    OpenSet.Result last;
    /** The images of the last run's open-set protocol by person (at most 21 each), for the impostor comparisons. */
    Map<String, List<String>> protocol;
    /** Every person of the data set with all their images. */
    Map<String, List<String>> identities;

    Evaluate(FacePipeline pipeline, Path dataset) {
        this.pipeline = pipeline;
        this.dataset = dataset;
    }

    Map<String, Object> run(Path pairsFile) throws IOException {
        identities = identities();
        OpenSet openSet = OpenSet.of(identities, MAX_PROBES_PER_IDENTITY);
        protocol = new java.util.TreeMap<>();
        openSet.allImages().forEach(i -> protocol.computeIfAbsent(OpenSet.identityOf(i), k -> new ArrayList<>()).add(i));
        List<Pairs.Pair> pairs = pairsFile == null ? List.of() : Pairs.read(pairsFile);

        List<String> needed = new ArrayList<>(openSet.allImages());
        pairs.forEach(p -> {
            needed.add(p.a());
            needed.add(p.b());
        });
        List<String> distinct = needed.stream().distinct().toList();
        long start = System.nanoTime();
        System.err.printf("embedding %d images with %s%n", distinct.size(), pipeline.embeddingName());
        distinct.parallelStream().forEach(image -> {
            float[] e = embed(image);
            if (e != null) {
                embeddings.put(image, e);
            } else {
                failures.incrementAndGet();
            }
            int n = done.incrementAndGet();
            if (n % 500 == 0 || n == distinct.size()) {
                System.err.printf("  %d/%d images, %.1f s%n", n, distinct.size(), (System.nanoTime() - start) / 1e9);
            }
        });

        Map<String, Object> report = new LinkedHashMap<>();
        if (!pairs.isEmpty()) {
            report.put("pairs_accuracy", Pairs.tenFoldAccuracy(pairs, embeddings));
            report.put("pairs_count", pairs.size());
        }
        double defaultThreshold = StandaloneConfig.governance().defaultMatchThreshold();
        OpenSet.Result r = openSet.evaluate(embeddings, FPIRS, defaultThreshold);
        last = r;
        report.put("watchlist_size", r.watchlistSize());
        report.put("mated_probes", r.matedProbes());
        report.put("nonmated_probes", r.nonMatedProbes());
        report.put("tpir_at_fpir", r.tpir());
        report.put("threshold_at_fpir", r.thresholds());
        report.put("at_default_match_threshold", r.atThreshold());
        report.put("operating_points", r.operatingPoints());
        report.put("detection_failures", failures.get());
        report.put("images_embedded", embeddings.size());
        report.put("embedder", pipeline.embeddingName());
        return report;
    }

    /** The labelled person of an LFW image is the face covering the image centre: take the nearest to it. */
    float[] embed(String relative) {
        try (Mat image = ImageDecoder.decodeBgr(Files.readAllBytes(dataset.resolve(relative)))) {
            if (image == null) {
                return null;
            }
            List<FaceBox> faces = pipeline.detect(image);
            if (faces.isEmpty()) {
                return null;
            }
            float cx = image.cols() / 2f;
            float cy = image.rows() / 2f;
            FaceBox centre = faces.stream()
                    .min((a, b) -> Float.compare(a.centreDistanceTo(cx, cy), b.centreDistanceTo(cx, cy))).get();
            return pipeline.describe(image, centre).embedding();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<String>> identities() throws IOException {
        Map<String, List<String>> identities = new java.util.TreeMap<>();
        try (Stream<Path> dirs = Files.list(dataset)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith("_")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    List<String> images = files.map(f -> f.getFileName().toString())
                            .filter(f -> f.matches("(?i).*\\.(jpe?g|png)$")).sorted()
                            .map(f -> name + "/" + f).toList();
                    if (!images.isEmpty()) {
                        identities.put(name, images);
                    }
                }
            }
        }
        return identities;
    }

    static Map<String, String> models(RecognitionConfig c) throws Exception {
        Map<String, String> models = new LinkedHashMap<>();
        List<String> files = new java.util.ArrayList<>(List.of(c.detector().model(), c.landmarkModel(),
                c.embedder().model()));
        c.secondEmbedder().model().ifPresent(files::add);
        for (String file : files) {
            byte[] bytes = Files.readAllBytes(Path.of(c.modelDir()).resolve(file));
            models.put(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        return models;
    }

    static double similarity(float[] a, float[] b) {
        return a == null || b == null ? -1 : FaceEmbedder.cosine(a, b);
    }

    static double[] sorted(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v;
    }
}
