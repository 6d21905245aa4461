package org.lfr.tools.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
/**
 * The labelled people of an evaluation and every impostor comparison that matters: each image of one person against
 * each image of every other person (all images, not one template per person), keeping only the image pairs that
 * score at or above the lowest threshold reported. Those are the possible false matches; the comparisons that scored
 * below it are only counted, from the images per person, so memory stays small however many pairs there are.
 */
record ImpostorSet(List<Person> people, List<Match> matches) {

    /** A labelled person with the number of their images that have an embedding. */
    record Person(String name, String group, int images) {
    }

    /** One image pair of two different people, {@code a < b} (indices into {@code people}). */
    record Match(int a, int b, double score) {
    }

    static ImpostorSet score(Map<String, List<String>> imagesByPerson, Map<String, String> groupOf,
            Map<String, float[]> embeddings, double floor) {
        return score(imagesByPerson, groupOf, embeddings, floor, Similarity.COSINE);
    }

    static ImpostorSet score(Map<String, List<String>> imagesByPerson, Map<String, String> groupOf,
            Map<String, float[]> embeddings, double floor, Similarity similarity) {
        List<Person> people = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        imagesByPerson.forEach((name, images) -> {
            String group = groupOf.get(name);
            if (group == null) {
                return;
            }
            List<String> embedded = images.stream().filter(embeddings::containsKey).toList();
            embedded.forEach(image -> {
                vectors.add(embeddings.get(image));
                names.add(image);
                owners.add(people.size());
            });
            people.add(new Person(name, group, embedded.size()));
        });
        float[][] v = vectors.toArray(float[][]::new);
        int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
        // images are in person order, so for i < j of different people owner[i] < owner[j]
        List<Match> matches = IntStream.range(0, v.length).parallel().boxed().flatMap(i -> {
            List<Match> row = new ArrayList<>();
            for (int j = i + 1; j < v.length; j++) {
                if (owner[i] != owner[j]) {
                    double s = similarity.score(names.get(i), v[i], names.get(j), v[j]);
                    if (s >= floor) {
                        row.add(new Match(owner[i], owner[j], s));
                    }
                }
            }
            return row.stream();
        }).toList();
        return new ImpostorSet(List.copyOf(people), matches);
    }

    List<String> groups() {
        return people.stream().map(Person::group).distinct().sorted().toList();
    }

    /** Person name → index into {@code people}. */
    Map<String, Integer> index() {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            index.put(people.get(i).name(), i);
        }
        return index;
    }
}
