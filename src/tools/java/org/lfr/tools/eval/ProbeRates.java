package org.lfr.tools.eval;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The open-set rates of one group (FPIR of its non-mated probes, TPIR of its mated ones) as statistics over the shared
 * {@link IdentityBootstrap}, so that they can be set against a reference group in the same resamples as the
 * false-match rates. A probe belongs to its person's group ({@link PersonGroups}).
 */
final class ProbeRates {

    private final List<GroupRates.Probe> probes;
    private final Map<String, Integer> index;
    private final ImpostorSet set;

    ProbeRates(List<GroupRates.Probe> probes, ImpostorSet set) {
        this.probes = probes;
        this.set = set;
        this.index = set.index();
    }

    IdentityBootstrap.Statistic fpir(String group, double threshold) {
        return rate(group, p -> !p.mated(), p -> p.score() >= threshold);
    }

    IdentityBootstrap.Statistic tpir(String group, double threshold) {
        return rate(group, GroupRates.Probe::mated, p -> p.correct() && p.score() >= threshold);
    }

    /** People of the group with a non-mated probe: the trials of FPIR's zero-event bound. */
    long nonMatedPeople(String group) {
        return people(group, false);
    }

    /** People of the group with a mated probe: the trials of TPIR's no-miss bound. */
    long matedPeople(String group) {
        return people(group, true);
    }

    private long people(String group, boolean mated) {
        return probes.stream().filter(p -> p.mated() == mated && group.equals(groupOf(p)))
                .map(GroupRates.Probe::identity).distinct().count();
    }

    private IdentityBootstrap.Statistic rate(String group, Predicate<GroupRates.Probe> counted,
            Predicate<GroupRates.Probe> hit) {
        double[] events = new double[set.people().size()];
        double[] trials = new double[set.people().size()];
        probes.stream().filter(counted).filter(p -> group.equals(groupOf(p))).forEach(p -> {
            int person = index.get(p.identity());
            trials[person]++;
            if (hit.test(p)) {
                events[person]++;
            }
        });
        int[] people = java.util.stream.IntStream.range(0, trials.length).filter(i -> trials[i] > 0).toArray();
        return w -> {
            double e = 0;
            double n = 0;
            for (int p : people) {
                e += w[p] * events[p];
                n += w[p] * trials[p];
            }
            return new IdentityBootstrap.Count(e, n);
        };
    }

    private String groupOf(GroupRates.Probe p) {
        Integer person = index.get(p.identity());
        return person == null ? null : set.people().get(person).group();
    }
}
