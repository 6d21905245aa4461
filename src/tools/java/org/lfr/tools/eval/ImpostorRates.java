package org.lfr.tools.eval;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * False-match rates over impostor comparisons, as NIST's demographic studies (FRVT Part 3, NISTIR 8280) count them:
 * same-group (every image of a person against every image of each other person of the same group) and, as a control,
 * cross-group (the group's people against every labelled person of the other groups). With {@code w} the times each
 * person was drawn and {@code n} their images, the comparisons are {@code ((Σ w·n)² − Σ (w·n)²) / 2} within a group
 * (every pair of drawn people, a person never against a copy of themselves) and {@code (Σ_g w·n)(Σ_other w·n)}
 * across; a false-matching image pair of people a and b counts {@code w_a·w_b} times.
 */
final class ImpostorRates {

    private final ImpostorSet set;

    ImpostorRates(ImpostorSet set) {
        this.set = set;
    }

    IdentityBootstrap.Statistic sameGroup(String group, double threshold) {
        int[] members = members(p -> set.people().get(p).group().equals(group));
        List<ImpostorSet.Match> hits = set.matches().stream().filter(m -> m.score() >= threshold)
                .filter(m -> inGroup(m.a(), group) && inGroup(m.b(), group)).toList();
        return w -> {
            double sum = 0;
            double squares = 0;
            for (int p : members) {
                double images = (double) w[p] * set.people().get(p).images();
                sum += images;
                squares += images * images;
            }
            return new IdentityBootstrap.Count(falseMatches(hits, w), (sum * sum - squares) / 2);
        };
    }

    IdentityBootstrap.Statistic crossGroup(String group, double threshold) {
        int[] members = members(p -> set.people().get(p).group().equals(group));
        int[] others = members(p -> !set.people().get(p).group().equals(group));
        List<ImpostorSet.Match> hits = set.matches().stream().filter(m -> m.score() >= threshold)
                .filter(m -> inGroup(m.a(), group) != inGroup(m.b(), group)).toList();
        return w -> new IdentityBootstrap.Count(falseMatches(hits, w), images(members, w) * images(others, w));
    }

    /** Pairs of different people within the group, the trials of the zero-event bound. */
    long samePairsOfPeople(String group) {
        long m = peopleWithImages(group, true);
        return m * (m - 1) / 2;
    }

    long crossPairsOfPeople(String group) {
        return peopleWithImages(group, true) * peopleWithImages(group, false);
    }

    private long peopleWithImages(String group, boolean inside) {
        return set.people().stream().filter(p -> p.images() > 0 && p.group().equals(group) == inside).count();
    }

    private boolean inGroup(int person, String group) {
        return set.people().get(person).group().equals(group);
    }

    private int[] members(IntPredicate member) {
        return java.util.stream.IntStream.range(0, set.people().size()).filter(member).toArray();
    }

    private double images(int[] people, int[] w) {
        double sum = 0;
        for (int p : people) {
            sum += (double) w[p] * set.people().get(p).images();
        }
        return sum;
    }

    private static double falseMatches(List<ImpostorSet.Match> hits, int[] w) {
        double sum = 0;
        for (ImpostorSet.Match m : hits) {
            sum += (double) w[m.a()] * w[m.b()];
        }
        return sum;
    }
}
