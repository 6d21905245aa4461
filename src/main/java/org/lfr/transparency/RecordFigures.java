package org.lfr.transparency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.lfr.alert.AlertStatistics;
import org.lfr.common.Intervals;
import org.lfr.deployment.DeploymentView;
import org.lfr.deployment.ExpectedFalseAlerts;
import org.lfr.deployment.SequentialFalseAlertTest;
import org.lfr.deployment.ThresholdRates;
import org.lfr.notice.NoticeView;
import org.lfr.signage.LeafletView;
import org.lfr.signage.SignageView;
import org.lfr.watchlist.WatchlistCategory;

/**
 * A deployment's record from each feature's figures: plain arithmetic, tested on known numbers
 * ({@code RecordFiguresTest}). Undecided alerts make the false-alert rate a range — counted as not false, and as all
 * false — never a confident zero; every share and rate has its 95 % interval.
 */
final class RecordFigures {

    private RecordFigures() {
    }

    record Facts(DeploymentView deployment, Map<WatchlistCategory, Long> byCategory, AlertStatistics stats,
            List<NoticeView> notices, List<SignageView> signs, List<LeafletView> leaflets,
            Optional<ThresholdRates> expected, String authorisedByRole) {
    }

    static DeploymentRecordView of(Facts f) {
        DeploymentView d = f.deployment();
        AlertStatistics s = f.stats();
        List<DeploymentRecordView.CategoryCount> categories = new ArrayList<>();
        f.byCategory().forEach((k, v) -> categories.add(new DeploymentRecordView.CategoryCount(k.name(), v)));
        TreeSet<String> channels = new TreeSet<>();
        f.notices().forEach(n -> n.channels().forEach(c -> channels.add(c.name())));
        long minutes = d.startedAt() == null || d.endedAt() == null ? 0
                : Duration.between(d.startedAt(), d.endedAt()).toMinutes();
        int size = (int) f.byCategory().values().stream().mapToLong(Long::longValue).sum();
        long faces = d.facesProcessed();
        Optional<ThresholdRates> rates = f.expected();

        double[] share = Intervals.wilson(s.confirmedMatches(), s.alerts());
        Range observed = Range.of(s.falseAlerts(), s.notAdjudicated(), faces);
        Double worstRate = rates.map(SequentialFalseAlertTest::heldRate).orElse(null);
        ExpectedFalseAlerts.Line expected = worstRate == null ? null
                : ExpectedFalseAlerts.line(rates.get().worstGroupName(), worstRate, faces);
        String advance = d.noticeExemptionReason() != null ? "WAIVED" : f.notices().isEmpty() ? "NOT_GIVEN" : "GIVEN";

        return new DeploymentRecordView(d.id(), d.reference(), d.locationName(), d.latitude(), d.longitude(),
                d.areaDescription(), d.plannedStart(), d.startedAt(), d.endedAt(), minutes, size, categories, faces,
                s.alerts(), s.confirmedMatches(), s.falseAlerts(), s.notEngaged(), s.notAdjudicated(), s.arrests(),
                s.advice(), s.noFurtherAction(), s.otherOutcomes(),
                faces == 0 || s.notAdjudicated() > 0 ? null : (double) s.falseAlerts() / faces, d.matchThreshold(),
                rates.map(ThresholdRates::falseAlertRate).orElse(null),
                rates.map(ThresholdRates::identificationRate).orElse(null),
                rates.map(ThresholdRates::getSentence).orElse(null), f.notices().size(), List.copyOf(channels),
                f.notices().isEmpty() ? null : f.notices().get(0).publishedAt(), f.signs().size(),
                f.leaflets().stream().mapToLong(LeafletView::count).sum(), null, null, null, f.authorisedByRole(),
                s.alerts() == 0 ? null : (double) s.confirmedMatches() / s.alerts(),
                s.alerts() == 0 ? null : share[0], s.alerts() == 0 ? null : share[1],
                observed == null ? null : observed.low(), observed == null ? null : observed.high(),
                observed == null ? null : observed.intervalLow(), observed == null ? null : observed.intervalHigh(),
                statement(s, faces, observed, expected), expected == null ? null : expected.group(), worstRate,
                expected == null ? null : expected.expected(), expected == null ? null : expected.low(),
                expected == null ? null : expected.high(),
                rates.map(r -> r.evaluationSet() + ", calibrated " + r.calibratedOn()).orElse(null), advance,
                d.noticeExemptionReason() != null ? d.authorisedAt() : null, d.falseAlertExcessAt() != null);
    }

    /** The observed false-alert rate as a range (undecided as not false … as false) with its 95 % bounds. */
    record Range(double low, double high, double intervalLow, double intervalHigh) {

        static Range of(long falseAlerts, long undecided, long faces) {
            if (faces == 0) {
                return null;
            }
            long most = falseAlerts + undecided;
            return new Range((double) falseAlerts / faces, (double) most / faces,
                    Intervals.poisson(falseAlerts)[0] / faces, Intervals.poisson(most)[1] / faces);
        }
    }

    static String statement(AlertStatistics s, long faces, Range r, ExpectedFalseAlerts.Line expected) {
        if (faces == 0) {
            return "No face was counted, so the false-alert rate is unknown.";
        }
        String observed = s.notAdjudicated() == 0
                ? String.format(Locale.UK, "%,d false alert%s in %,d faces: %s (95 %%: %s to %s)", s.falseAlerts(),
                        s.falseAlerts() == 1 ? "" : "s", faces, oneIn(r.low()), oneIn(r.intervalLow()),
                        oneIn(r.intervalHigh()))
                : String.format(Locale.UK, "Between %,d and %,d false alerts in %,d faces, because %,d of %,d alerts were"
                        + " never decided: a rate between %s and %s (95 %%: %s to %s)", s.falseAlerts(),
                        s.falseAlerts() + s.notAdjudicated(), faces, s.notAdjudicated(), s.alerts(), oneIn(r.low()),
                        oneIn(r.high()), oneIn(r.intervalLow()), oneIn(r.intervalHigh()));
        if (expected == null) {
            return observed + "; no calibrated rate to compare with.";
        }
        return observed + String.format(Locale.UK, "; about %.1f expected (%d–%d) at the calibrated rate of %s, %s.",
                expected.expected(), expected.low(), expected.high(),
                expected.group().equals("everyone") ? "everyone" : "group " + expected.group(),
                oneIn(expected.falseAlertRate()));
    }

    /** "1 in 7,500", or "none" for 0. */
    static String oneIn(double rate) {
        return rate <= 0 ? "none" : String.format(Locale.UK, "1 in %,d", Math.round(1 / rate));
    }
}
