package org.lfr.tools.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.recognition.runtime.CohortFile;

/**
 * {@code scripts/evaluate DATASET --cohort-out FILE [--cohort-size N]}: the look-alike cohort the service scores
 * each new watchlist entry against (docs/FAIRNESS.md, "Look-alike risk"). It takes the people of the folder who have
 * exactly one photo (in LFW, public figures photographed once: people unlikely to be on a force's watchlist), evenly
 * spread over the alphabet so the choice is deterministic, and embeds each photo's central face exactly as the
 * evaluation does, with the service's pipeline and configuration. Never built from camera footage: a cohort of
 * passers-by would be a store of biometric data of people who did not match.
 */
final class CohortBuilder {

    static final int DEFAULT_SIZE = 1000;

    private CohortBuilder() {
    }

    static void build(FacePipeline pipeline, RecognitionConfig config, Path dataset, Path out, int size)
            throws Exception {
        Map<String, String> single = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(dataset)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith("_")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    List<String> images = files.map(f -> f.getFileName().toString())
                            .filter(f -> f.matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
                    if (images.size() == 1) {
                        single.put(name, name + "/" + images.get(0));
                    }
                }
            }
        }
        List<String> people = new ArrayList<>(single.keySet());
        // a spare third: some photos have no detectable face, and the count should still come out at `size`
        int wanted = Math.min(people.size(), size + size / 3);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            chosen.add(people.get((int) ((long) i * people.size() / wanted)));
        }
        System.err.printf("cohort: %d of %d single-photo people, embedding with %s%n", chosen.size(), people.size(),
                pipeline.embeddingName());
        Evaluate embedder = new Evaluate(pipeline, dataset);
        Map<String, float[]> embedded = new java.util.concurrent.ConcurrentSkipListMap<>();
        chosen.parallelStream().forEach(p -> {
            float[] e = embedder.embed(single.get(p));
            if (e != null) {
                embedded.put(p, e);
            }
        });
        // evenly spread again over the people with a usable face, so the spares do not all come from the end
        List<String> usable = chosen.stream().filter(embedded::containsKey).toList();
        int count = Math.min(size, usable.size());
        List<float[]> vectors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = usable.get((int) ((long) i * usable.size() / count));
            vectors.add(embedded.get(p));
            names.add(single.get(p));
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", "Labeled Faces in the Wild (University of Massachusetts Amherst; public figures"
                + " photographed by the press), folder '" + dataset.getFileName() + "': people with exactly one"
                + " photo, evenly spread over the alphabet");
        provenance.put("created", LocalDate.now().toString());
        provenance.put("licence", "Derived data (embeddings, not images) of LFW photos; LFW is published for research"
                + " and its images' copyright stays with their owners: a force replaces this cohort with one built"
                + " from faces it may use (docs/FAIRNESS.md). Never built from camera footage.");
        provenance.put("images", names);
        CohortFile.write(out, provenance, pipeline.embeddingName(), Evaluate.models(config), vectors);
        System.err.printf("cohort of %d embeddings written to %s (%d photos without a usable face skipped)%n",
                vectors.size(), out, chosen.size() - embedded.size());
    }
}
