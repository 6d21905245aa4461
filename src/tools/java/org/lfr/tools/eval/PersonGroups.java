package org.lfr.tools.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A person's group for the impostor figures, from the per-image labels: the one label all of their labelled images
 * carry. A person whose labelled images disagree is left out (listed in {@code mixed}) rather than assigned by
 * majority, because a mixed label is more likely a labelling error than a fact about the face; a person with no
 * labelled image is left out silently, as in the per-probe figures.
 */
record PersonGroups(Map<String, String> groupOf, List<String> mixed) {

    static PersonGroups of(Map<String, List<String>> imagesByPerson, Map<String, String> labels) {
        Map<String, String> groupOf = new TreeMap<>();
        List<String> mixed = new ArrayList<>();
        imagesByPerson.forEach((person, images) -> {
            List<String> distinct = images.stream().map(labels::get).filter(Objects::nonNull).distinct().toList();
            if (distinct.size() == 1) {
                groupOf.put(person, distinct.get(0));
            } else if (distinct.size() > 1) {
                mixed.add(person);
            }
        });
        return new PersonGroups(groupOf, mixed);
    }
}
