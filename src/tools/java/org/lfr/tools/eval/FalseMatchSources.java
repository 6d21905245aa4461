package org.lfr.tools.eval;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a group's same-group false matches come from: how many people and pairs of people carry them, and the pairs
 * with the most, by name. A rate driven by one pair (twins, sisters, one mislabelled photograph) is a fact about that
 * pair, not about the group; the rate without the top pair shows how much it leans on it.
 */
final class FalseMatchSources {

    static final int TOP = 5;

    /** A pair of people with their false-matching image pairs out of all their image pairs. */
    record PairOfPeople(String a, String b, long falseMatches, long comparisons) {
    }

    record Sources(long people, long pairs, List<PairOfPeople> top, Double fmrWithoutTopPair) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("people", people);
            m.put("pairs_of_people", pairs);
            m.put("top_pairs", top.stream().map(p -> Map.of("a", p.a(), "b", p.b(), "false_matches", p.falseMatches(),
                    "comparisons", p.comparisons())).toList());
            m.put("fmr_without_top_pair", fmrWithoutTopPair);
            return m;
        }
    }

    private FalseMatchSources() {
    }

    static Sources of(ImpostorSet set, Estimate sameGroup, String group, double threshold) {
        Map<List<Integer>, Long> byPair = new TreeMap<>(Comparator.<List<Integer>>comparingInt(p -> p.get(0))
                .thenComparingInt(p -> p.get(1)));
        set.matches().stream().filter(m -> m.score() >= threshold).filter(m -> set.people().get(m.a()).group()
                .equals(group) && set.people().get(m.b()).group().equals(group))
                .forEach(m -> byPair.merge(List.of(m.a(), m.b()), 1L, Long::sum));
        long people = byPair.keySet().stream().flatMap(List::stream).distinct().count();
        List<PairOfPeople> top = byPair.entrySet().stream()
                .sorted(Map.Entry.<List<Integer>, Long>comparingByValue().reversed()).limit(TOP).map(e -> {
                    ImpostorSet.Person a = set.people().get(e.getKey().get(0));
                    ImpostorSet.Person b = set.people().get(e.getKey().get(1));
                    return new PairOfPeople(a.name(), b.name(), e.getValue(), (long) a.images() * b.images());
                }).toList();
        Double without = top.isEmpty() ? null
                : (sameGroup.events() - top.get(0).falseMatches()) / (sameGroup.trials() - top.get(0).comparisons());
        return new Sources(people, byPair.size(), top, without);
    }
}
