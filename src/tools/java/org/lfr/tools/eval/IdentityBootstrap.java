package org.lfr.tools.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Resamples of people, drawn once and shared by every figure of one report: each replicate draws, within each group
 * separately, as many people as the group has, with replacement, and records how often each person was drawn. A rate
 * over a replicate weights each person's counts by that number, so a person's photographs (and all comparisons they
 * take part in) enter or leave together; groups are drawn independently, so a ratio of two groups varies both.
 * Deterministic for a seed.
 */
final class IdentityBootstrap {

    /** Events over trials, each a sum of per-person (or per-pair of people) counts weighted by times drawn. */
    record Count(double events, double trials) {

        double rate() {
            return trials == 0 ? Double.NaN : events / trials;
        }
    }

    /** A figure computed from how often each person (index) was drawn; the observed figure draws everyone once. */
    interface Statistic {
        Count count(int[] timesDrawn);
    }

    private final int[][] replicates;
    private final int[] observed;

    IdentityBootstrap(List<String> groupOfPerson, int replicates, long seed) {
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < groupOfPerson.size(); i++) {
            members.computeIfAbsent(groupOfPerson.get(i), g -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        this.replicates = new int[replicates][];
        for (int r = 0; r < replicates; r++) {
            int[] drawn = new int[groupOfPerson.size()];
            for (List<Integer> group : members.values()) {
                for (int k = 0; k < group.size(); k++) {
                    drawn[group.get(random.nextInt(group.size()))]++;
                }
            }
            this.replicates[r] = drawn;
        }
        this.observed = new int[groupOfPerson.size()];
        java.util.Arrays.fill(observed, 1);
    }

    Count observed(Statistic s) {
        return s.count(observed);
    }

    /** The statistic's rate in every replicate (NaN where it has no trials). */
    double[] rates(Statistic s) {
        double[] rates = new double[replicates.length];
        for (int r = 0; r < replicates.length; r++) {
            rates[r] = s.count(replicates[r]).rate();
        }
        return rates;
    }
}
