package org.lfr.tools.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A group's rate set against the reference group's, as NIST's demographic reports do (a ratio for false matches and
 * false alerts, a difference for identification), with a percentile interval from the same resamples of people.
 * Never unbounded: when the group had no event the ratio is 0 and its upper end is the group's exact zero-event bound
 * over the reference's lower end; when some resamples leave the reference at zero, the upper end is bounded the same
 * way. Only a reference with no event at all leaves the ratio undefined ({@code null}, with a note).
 */
record ReferenceComparison(Double value, Double[] ci95, String note) {

    static ReferenceComparison ratio(Estimate group, Estimate reference) {
        if (!(reference.value() > 0)) {
            return new ReferenceComparison(null, new Double[] {null, null}, "no event in the reference group");
        }
        // the reference's lower end: its bootstrap's, or where that is zero (few events, all in some resamples
        // absent) the exact binomial one, as if its events were independent
        boolean exact = !(reference.ci95()[0] > 0);
        double low = exact ? Estimate.exactLower95((long) reference.events(), (long) reference.trials())
                : reference.ci95()[0];
        Double cautious = group.ci95()[1] == null ? null : group.ci95()[1] / low;
        String lowEnd = exact ? "the reference's exact lower end (its resamples reach zero)" : "the reference's lower end";
        if (group.events() == 0) {
            return new ReferenceComparison(0.0, new Double[] {0.0, cautious},
                    "no event in the group: upper end = its exact zero-event bound / " + lowEnd);
        }
        double[] ratios = new double[group.replicates().length];
        for (int r = 0; r < ratios.length; r++) {
            double ref = reference.replicates()[r];
            double g = group.replicates()[r];
            ratios[r] = ref == 0 ? (g == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : g / ref;
        }
        Double[] ci = GroupRates.percentiles(ratios);
        double value = group.value() / reference.value();
        if (ci[1] == null) {
            return new ReferenceComparison(value, new Double[] {ci[0] == null ? 0.0 : ci[0], cautious},
                    "some resamples left the reference at zero: upper end = the group's upper end / " + lowEnd);
        }
        return new ReferenceComparison(value, ci, null);
    }

    /** Group minus reference; where either rate's interval is an exact bound, the ends of the two combined. */
    static ReferenceComparison difference(Estimate group, Estimate reference) {
        if (Double.isNaN(group.value()) || Double.isNaN(reference.value())) {
            return new ReferenceComparison(null, new Double[] {null, null}, "no probes");
        }
        double value = group.value() - reference.value();
        if (group.zeroEventBound() || reference.zeroEventBound()) {
            return new ReferenceComparison(value, new Double[] {group.ci95()[0] - reference.ci95()[1],
                    group.ci95()[1] - reference.ci95()[0]}, "no miss in a group: its exact bound, ends combined");
        }
        double[] differences = new double[group.replicates().length];
        for (int r = 0; r < differences.length; r++) {
            differences[r] = group.replicates()[r] - reference.replicates()[r];
        }
        return new ReferenceComparison(value, GroupRates.percentiles(differences), null);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("ci95", ci95);
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }
}
