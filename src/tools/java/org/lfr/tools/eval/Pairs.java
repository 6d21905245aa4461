package org.lfr.tools.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** LFW-style 1:1 verification: 10 folds, threshold chosen on nine, accuracy measured on the tenth. */
final class Pairs {

    record Pair(int fold, String a, String b, boolean same) {
    }

    private Pairs() {
    }

    /** {@code fold<TAB>image_a<TAB>image_b<TAB>same}, image paths relative to the dataset folder. */
    static List<Pair> read(Path file) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length < 4 || !f[0].matches("\\d+")) {
                continue; // header or blank
            }
            pairs.add(new Pair(Integer.parseInt(f[0]), f[1], f[2], "1".equals(f[3].trim())));
        }
        return pairs;
    }

    static double tenFoldAccuracy(List<Pair> pairs, Map<String, float[]> embeddings) {
        List<Integer> folds = pairs.stream().map(Pair::fold).distinct().sorted().toList();
        double sum = 0;
        for (int fold : folds) {
            List<Pair> train = pairs.stream().filter(p -> p.fold() != fold).toList();
            List<Pair> test = pairs.stream().filter(p -> p.fold() == fold).toList();
            double threshold = bestThreshold(train, embeddings);
            sum += accuracy(test, embeddings, threshold);
        }
        return sum / folds.size();
    }

    private static double bestThreshold(List<Pair> pairs, Map<String, float[]> embeddings) {
        double best = 0;
        double bestAccuracy = -1;
        for (double t = -0.2; t <= 1.0; t += 0.0025) {
            double acc = accuracy(pairs, embeddings, t);
            if (acc > bestAccuracy) {
                bestAccuracy = acc;
                best = t;
            }
        }
        return best;
    }

    private static double accuracy(List<Pair> pairs, Map<String, float[]> embeddings, double threshold) {
        long correct = pairs.stream().filter(p -> (Evaluate.similarity(embeddings.get(p.a()), embeddings.get(p.b()))
                >= threshold) == p.same()).count();
        return (double) correct / pairs.size();
    }
}
