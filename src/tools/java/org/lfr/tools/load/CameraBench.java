package org.lfr.tools.load;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * N cameras through the running service's own camera runtime (stream cameras playing the Hamilton clip scaled to
 * 720p, in real time, looped), against a watchlist of two real people and synthetic others up to {@code --enrolled};
 * reports from the service's own metrics (Prometheus, management port) per camera, its CPU and memory, and the
 * models' own limit timed on the same frames in the same run ({@link org.lfr.tools.eval.Bench}). Run by
 * {@code scripts/bench-cameras}, which starts the packaged service; figures go in docs/PERFORMANCE.md.
 */
public final class CameraBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIN = "face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png";
    private static final String ALEX = "face_recognition_examples/alex_lacamoire/alex-lacamoire.png";
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{(.*)\\} ([0-9.eE+-]+|NaN)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private CameraBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("--cameras", "1", "--seconds", "60", "--warmup", "15",
                "--enrolled", "10000", "--url", "http://localhost:8096", "--management", "http://localhost:9096",
                "--realm", "http://localhost:8180/realms/lfr", "--jdbc", "jdbc:postgresql://localhost:5432/lfr",
                "--eval", "../shared/eval"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        int cameras = Integer.parseInt(a.get("--cameras"));
        int seconds = Integer.parseInt(a.get("--seconds"));
        int warmup = Integer.parseInt(a.get("--warmup"));
        long pid = Long.parseLong(a.get("--pid"));
        Path eval = Path.of(a.get("--eval"));
        Path source = eval.resolve("video/hamilton_clip/short_hamilton_clip.mp4");
        Path clip = transcode720p(source, Path.of("target", "bench", "hamilton-720p.mp4"));

        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create(a.get("--url"));
        Tokens tokens = new Tokens(http, a.get("--realm"));
        String carol = "carol.officer";
        String deployment = draft(http, base, tokens.user(carol), cameras, clip);
        enrol(http, base, tokens.user(carol), deployment, "LIN-MANUEL-MIRANDA", eval.resolve(LIN));
        enrol(http, base, tokens.user(carol), deployment, "ALEX-LACAMOIRE", eval.resolve(ALEX));
        Map<String, Object> photos = bulkEnrol(http, base, tokens.user(carol), deployment, eval.resolve("lfw"),
                Integer.parseInt(a.getOrDefault("--photos", "0")));
        int real = 2 + ((Number) photos.getOrDefault("enrolled", 0)).intValue();
        long enrolStart = System.nanoTime();
        int synthetic = synthetic(a.get("--jdbc"), deployment, Integer.parseInt(a.get("--enrolled")) - real);
        double syntheticSeconds = (System.nanoTime() - enrolStart) / 1e9;
        Map<String, Object> watchlist = new LinkedHashMap<>();
        watchlist.put("from_photos", real);
        watchlist.put("synthetic", synthetic);
        watchlist.put("synthetic_insert_seconds", round(syntheticSeconds));
        if (!photos.isEmpty()) {
            watchlist.put("bulk_photo_enrolment", photos);
        }
        ok(http, base, tokens.user("bob.supervisor"), "mutation($d: ID!) { approveWatchlist(deploymentId: $d) { size } }",
                Map.of("d", deployment));
        ok(http, base, tokens.user(carol), "mutation($d: ID!) { submitDeployment(id: $d) { status } }",
                Map.of("d", deployment));
        ok(http, base, tokens.user("alice.supervisor"), "mutation($d: ID!) { authoriseDeployment(id: $d,"
                + " noticeExemptionReason: \"Camera benchmark\") { status } }", Map.of("d", deployment));
        ok(http, base, tokens.user(carol), "mutation($d: ID!) { startDeployment(id: $d) { status } }",
                Map.of("d", deployment));

        try {
            measure(http, base, tokens, deployment, source, pid, warmup, seconds, watchlist, a.get("--management"),
                    a.get("--out"));
        } finally { // a benchmark that fails half-way must not leave cameras running in the database it used
            Load.graphql(http, base, tokens.user(carol), "mutation($d: ID!) { stopDeployment(id: $d) { status } }",
                    Map.of("d", deployment));
        }
    }

    private static void measure(HttpClient http, URI base, Tokens tokens, String deployment, Path source, long pid,
            int warmup, int seconds, Map<String, Object> watchlist, String management, String out)
            throws Exception {
        String carol = "carol.officer";
        Thread.sleep(warmup * 1000L); // cameras connect, the watchlist loads, the JIT warms
        Map<String, Double> before = scrape(http, URI.create(management + "/q/metrics"));
        long[] cpuBefore = cpuTicks(pid);
        long wallBefore = System.nanoTime();
        Instant windowStart = Instant.now();
        Thread.sleep(seconds * 1000L);
        Map<String, Double> after = scrape(http, URI.create(management + "/q/metrics"));
        long[] cpuAfter = cpuTicks(pid);
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        long rss = Load.rssMb(pid);
        Instant windowEnd = Instant.now();
        JsonNode alerts = ok(http, base, tokens.user(carol), "query($d: ID!, $f: DateTime, $t: DateTime) { alerts(filter:"
                + " {deploymentId: $d, from: $f, to: $t}, first: 500) { edges { node { cameraId subjectReference occurredAt } } } }",
                Map.of("d", deployment, "f", windowStart.toString(), "t", windowEnd.toString()));
        JsonNode cameraList = ok(http, base, tokens.user(carol), "query($d: ID!) { deployment(id: $d) { cameras { id"
                + " name } } }", Map.of("d", deployment));
        ok(http, base, tokens.user(carol), "mutation($d: ID!) { stopDeployment(id: $d) { status } }",
                Map.of("d", deployment));

        // the models' own limit, on the same frames, in the same run (the service is idle now)
        Path models = Path.of("target", "bench", "models-only.json");
        org.lfr.tools.eval.Bench.main(new String[] {source.toString(), "1280", "720", models.toString()});
        JsonNode bench = JSON.readTree(models.toFile());
        double modelsOnly = bench.get("models_only_fps_one_thread").asDouble();

        List<Map<String, Object>> perCamera = new ArrayList<>();
        double analysedTotal = 0;
        for (JsonNode c : cameraList.at("/data/deployment/cameras")) {
            String id = c.get("id").asText();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("camera", c.get("name").asText());
            double received = delta(before, after, "lfr_frames_received_total", id);
            double analysed = delta(before, after, "lfr_frames_analysed_total", id);
            m.put("frames_received", Math.round(received));
            m.put("frames_analysed", Math.round(analysed));
            m.put("frames_dropped", Math.round(delta(before, after, "lfr_frames_dropped_total", id)));
            m.put("analysed_fps", round(analysed / wall));
            m.put("frame_age_ms", quantiles(before, after, "lfr_frame_age_seconds", id));
            m.put("alert_latency_ms", quantiles(before, after, "lfr_alert_latency_seconds", id));
            Map<String, Integer> bySubject = new TreeMap<>();
            List<Instant> lin = new ArrayList<>(List.of(windowStart));
            for (JsonNode e : alerts.at("/data/alerts/edges")) {
                Instant at = Instant.parse(e.at("/node/occurredAt").asText());
                if (e.at("/node/cameraId").asText().equals(id) && !at.isBefore(windowStart) && at.isBefore(windowEnd)) {
                    String subject = e.at("/node/subjectReference").asText();
                    bySubject.merge(subject, 1, Integer::sum);
                    if (subject.equals("LIN-MANUEL-MIRANDA")) {
                        lin.add(at);
                    }
                }
            }
            lin.add(windowEnd);
            lin.sort(null);
            double longestGap = 0;
            for (int i = 1; i < lin.size(); i++) {
                longestGap = Math.max(longestGap, java.time.Duration.between(lin.get(i - 1), lin.get(i)).toMillis() / 1000.0);
            }
            m.put("alerts", bySubject);
            // every pass of the clip alerted when no stretch of the window longer than one pass went without his alert
            m.put("longest_without_lin_manuel_miranda_s", round(longestGap));
            analysedTotal += analysed / wall;
            perCamera.add(m);
        }
        double cores = ((cpuAfter[0] + cpuAfter[1]) - (cpuBefore[0] + cpuBefore[1])) / 100.0 / wall;
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cameras", perCamera.size());
        report.put("seconds", Math.round(wall));
        report.put("per_camera", perCamera);
        report.put("cpu_cores_used", round(cores));
        report.put("rss_mb", rss);
        report.put("models_only_fps", round(modelsOnly));
        report.put("watchlist", watchlist);
        // every analysed frame against what the models alone could do on the cores the analysis pool has
        report.put("end_to_end_over_models_only", round(analysedTotal / (modelsOnly * threads)));
        report.put("notes", Map.of(
                "clip", "short_hamilton_clip.mp4 scaled to 1280x720 (MPEG-4), played in real time at its own rate, looped",
                "watchlist", "Lin-Manuel Miranda and Alex Lacamoire (and any --photos LFW people) enrolled from photos"
                        + " through the API; the rest synthetic random unit vectors written to the tables",
                "models_only_fps", "detect + landmarks + both embedders on every frame, one thread (Bench, same frames)",
                "end_to_end_over_models_only", "analysed frames/s of all cameras / (models_only_fps x " + threads
                        + " analysis threads); above 1 where faces are not re-embedded on every frame",
                "quantiles", "from the service's Prometheus histograms over the measured window (bucket-interpolated)",
                "clip_seconds", round(clipSeconds(source)),
                "alerts", "only those seen in the measured window"));
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        if (out != null) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.writeString(Path.of(out), text);
        }
        System.out.println(text);
    }

    /** The clip scaled to 720p once (FFmpeg through JavaCV, MPEG-4 at high quality), as a camera would send it. */
    static Path transcode720p(Path source, Path target) throws Exception {
        if (Files.exists(target)) {
            return target.toAbsolutePath();
        }
        Files.createDirectories(target.getParent());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.setImageWidth(1280);
            grabber.setImageHeight(720);
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 1280, 720, 0)) {
                recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
                recorder.setFormat("mp4");
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.setVideoQuality(2);
                recorder.start();
                Frame f;
                while ((f = grabber.grabImage()) != null) {
                    recorder.record(f);
                }
            }
        }
        return target.toAbsolutePath();
    }

    private static double clipSeconds(Path source) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            return grabber.getLengthInFrames() / grabber.getFrameRate();
        }
    }

    private static String draft(HttpClient http, URI base, String token, int cameras, Path clip) throws Exception {
        Map<String, Object> input = Scenario.deploymentInput("BENCH", "Cameras-per-core measurement on this machine"
                + " (scripts/bench-cameras)", "A measurement of the camera runtime on recorded footage");
        String id = ok(http, base, token, "mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }",
                Map.of("i", input)).at("/data/createDeployment/id").asText();
        for (int i = 0; i < cameras; i++) {
            JsonNode d = ok(http, base, token, "mutation($d: ID!, $n: String!, $u: String!) { addCamera(deploymentId:"
                    + " $d, input: {name: $n, pushMode: false, streamUrl: $u, positionDescription: \"Bench\"})"
                    + " { cameras { id name } } }", Map.of("d", id, "n", "bench-" + i, "u", "file:" + clip));
            for (JsonNode c : d.at("/data/addCamera/cameras")) {
                if (c.get("name").asText().equals("bench-" + i)) {
                    ok(http, base, token, "mutation($c: ID!) { recordSignagePlaced(cameraId: $c, input: {signTextVersion:"
                            + " \"v1\"}) { id } }", Map.of("c", c.get("id").asText()));
                }
            }
        }
        return id;
    }

    private static void enrol(HttpClient http, URI base, String token, String deployment, String subject, Path photo)
            throws Exception {
        String entry = ok(http, base, token, "mutation($d: ID!, $s: String!) { proposeWatchlistEntry(deploymentId: $d,"
                + " input: {subjectReference: $s, category: SUSPECT, legalBasis: \"Benchmark\", imageSource: \"Public"
                + " photograph\", imageDate: \"" + LocalDate.now().minusMonths(1) + "\", justification: \"Measurement"
                + " only\", subjectUnder18: false}) { id } }", Map.of("d", deployment, "s", subject))
                .at("/data/proposeWatchlistEntry/id").asText();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(base.resolve("/api/watchlist-entries/" + entry
                + "/image")).header("Authorization", "Bearer " + token).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(photo))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("enrolment of " + subject + " failed: " + put.body());
        }
    }

    /**
     * {@code count} LFW people (the first photo of the first {@code count} folders, by name) enrolled the way a force
     * would enrol a large list: entries proposed, then one zip of their photos to the bulk endpoint, timed from the
     * first byte sent to its FINISHED line.
     */
    private static Map<String, Object> bulkEnrol(HttpClient http, URI base, String token, String deployment, Path lfw,
            int count) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        if (count <= 0) {
            return r;
        }
        List<Path> people;
        try (var folders = Files.list(lfw)) {
            people = folders.filter(Files::isDirectory).sorted().limit(count).toList();
        }
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            for (Path person : people) {
                String subject = "LFW-" + person.getFileName();
                ok(http, base, token, "mutation($d: ID!, $s: String!) { proposeWatchlistEntry(deploymentId: $d, input:"
                        + " {subjectReference: $s, category: SUSPECT, legalBasis: \"Benchmark\", imageSource: \"LFW\","
                        + " imageDate: \"" + LocalDate.now().minusMonths(1) + "\", justification: \"Measurement only\","
                        + " subjectUnder18: false}) { id } }", Map.of("d", deployment, "s", subject));
                Path photo;
                try (var files = Files.list(person)) {
                    photo = files.filter(f -> f.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(subject + ".jpg"));
                zip.write(Files.readAllBytes(photo));
                zip.closeEntry();
            }
        }
        long start = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(base.resolve(
                "/api/deployments/" + deployment + "/watchlist/images")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(
                        zipped.toByteArray())).build(), HttpResponse.BodyHandlers.ofLines());
        Map<String, Integer> statuses = new TreeMap<>();
        try (var lines = response.body()) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                try {
                    statuses.merge(JSON.readTree(l).path("status").asText(), 1, Integer::sum);
                } catch (java.io.IOException e) {
                    statuses.merge("UNREADABLE", 1, Integer::sum);
                }
            });
        }
        r.put("photos", people.size());
        r.put("zip_mb", round(zipped.size() / 1e6));
        r.put("seconds", round((System.nanoTime() - start) / 1e9));
        r.put("enrolled", statuses.getOrDefault("ENROLLED", 0));
        r.put("statuses", statuses);
        return r;
    }

    /**
     * Synthetic watchlist people: random unit vectors of the running embedding's size and name, written straight
     * into the tables (an offline tool's shortcut: no photos exist for them), before approval.
     */
    private static int synthetic(String jdbc, String deployment, int count) throws Exception {
        if (count <= 0) {
            return 0;
        }
        try (Connection db = DriverManager.getConnection(jdbc, "lfr", "lfr")) {
            db.setAutoCommit(false);
            String model;
            int dims;
            try (PreparedStatement st = db.prepareStatement("select e.model, vector_dims(e.embedding) from"
                    + " enrolment_embedding e join watchlist_entry w on w.id = e.watchlist_entry_id where"
                    + " w.deployment_id = ? limit 1")) {
                st.setObject(1, UUID.fromString(deployment));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    model = rs.getString(1);
                    dims = rs.getInt(2);
                }
            }
            Random random = new Random(20261130);
            try (PreparedStatement entry = db.prepareStatement("insert into watchlist_entry (id, deployment_id,"
                    + " subject_reference, category, legal_basis, image_source, image_date, justification,"
                    + " subject_under_18, added_by, added_at) values (?, ?, ?, 'SUSPECT', 'Benchmark', 'Synthetic',"
                    + " current_date - 30, 'Synthetic person of the benchmark', false, 'bench', now())");
                    PreparedStatement vector = db.prepareStatement("insert into enrolment_embedding (id,"
                            + " watchlist_entry_id, model, embedding) values (?, ?, ?, cast(? as vector))")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    entry.setObject(1, id);
                    entry.setObject(2, UUID.fromString(deployment));
                    entry.setString(3, "SYNTHETIC-" + i);
                    entry.addBatch();
                    vector.setObject(1, UUID.randomUUID());
                    vector.setObject(2, id);
                    vector.setString(3, model);
                    vector.setString(4, unitVector(random, dims));
                    vector.addBatch();
                    if (i % 1000 == 999 || i == count - 1) {
                        entry.executeBatch();
                        vector.executeBatch();
                    }
                }
            }
            db.commit();
        }
        return count;
    }

    private static String unitVector(Random random, int dims) {
        double[] v = new double[dims];
        double norm = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = random.nextGaussian();
            norm += v[i] * v[i];
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < dims; i++) {
            s.append(i == 0 ? "" : ",").append((float) (v[i] / Math.sqrt(norm)));
        }
        return s.append(']').toString();
    }

    /** Prometheus text: "name|camera|le" → value, for the camera-tagged series. */
    static Map<String, Double> scrape(HttpClient http, URI metrics) throws Exception {
        String body = http.send(HttpRequest.newBuilder(metrics).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> samples = new HashMap<>();
        for (String line : body.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            if (labels.containsKey("camera")) {
                samples.put(m.group(1) + "|" + labels.get("camera") + "|" + labels.getOrDefault("le", ""),
                        Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String camera) {
        String key = name + "|" + camera + "|";
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    /** p50 and p95 in ms from the histogram's buckets over the window, interpolated within a bucket. */
    private static Map<String, Object> quantiles(Map<String, Double> before, Map<String, Double> after, String name,
            String camera) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        String prefix = name + "_bucket|" + camera + "|";
        for (var e : after.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String le = e.getKey().substring(prefix.length());
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                cumulative.put(bound, e.getValue() - before.getOrDefault(e.getKey(), 0.0));
            }
        }
        Map<String, Object> q = new LinkedHashMap<>();
        double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        for (double p : new double[] {0.5, 0.95}) {
            q.put(p == 0.5 ? "p50" : "p95", total == 0 ? null : round(1000 * quantile(cumulative, p * total)));
        }
        q.put("count", Math.round(total));
        return q;
    }

    private static double quantile(TreeMap<Double, Double> cumulative, double rank) {
        double lowerBound = 0;
        double lowerCount = 0;
        for (var e : cumulative.entrySet()) {
            if (e.getValue() >= rank) {
                if (Double.isInfinite(e.getKey())) {
                    return lowerBound;
                }
                double inBucket = e.getValue() - lowerCount;
                return lowerBound + (e.getKey() - lowerBound) * (inBucket == 0 ? 1 : (rank - lowerCount) / inBucket);
            }
            lowerBound = e.getKey();
            lowerCount = e.getValue();
        }
        return lowerBound;
    }

    /** utime and stime of the process, in clock ticks (100 a second on Linux). */
    private static long[] cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static JsonNode ok(HttpClient http, URI base, String token, String query, Map<String, Object> variables)
            throws Exception {
        return Scenario.ok(http, base, token, query, variables);
    }
}
