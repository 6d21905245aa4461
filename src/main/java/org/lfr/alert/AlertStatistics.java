package org.lfr.alert;

import java.util.List;

/** A deployment's alerts counted by what the officers decided and what followed. */
public record AlertStatistics(long alerts, long confirmedMatches, long falseAlerts, long notEngaged,
        long notAdjudicated, long arrests, long advice, long noFurtherAction, long otherOutcomes) {

    static AlertStatistics of(List<Alert> alerts) {
        return new AlertStatistics(alerts.size(), count(alerts, Adjudication.CONFIRMED_MATCH),
                count(alerts, Adjudication.FALSE_ALERT), count(alerts, Adjudication.NOT_ENGAGED),
                alerts.stream().filter(a -> a.adjudication == null).count(), outcome(alerts, Outcome.ARREST),
                outcome(alerts, Outcome.ADVICE), outcome(alerts, Outcome.NO_FURTHER_ACTION),
                outcome(alerts, Outcome.OTHER));
    }

    private static long count(List<Alert> alerts, Adjudication a) {
        return alerts.stream().filter(x -> x.adjudication == a).count();
    }

    private static long outcome(List<Alert> alerts, Outcome o) {
        return alerts.stream().filter(x -> x.outcome == o).count();
    }
}
