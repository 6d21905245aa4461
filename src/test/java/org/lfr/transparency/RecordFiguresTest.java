package org.lfr.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertStatistics;
import org.lfr.deployment.ExpectedFalseAlerts;

/**
 * The record's arithmetic on the numbers: 214 of 216 alerts never decided is a range, never "false alerts 0,
 * rate 0"; and the open data's CSV is the record's fields, safely quoted.
 */
class RecordFiguresTest {

    @Test
    void undecidedAlertsMakeTheRateARangeNeverAConfidentZero() {
        AlertStatistics stats = new AlertStatistics(216, 0, 2, 0, 214, 0, 0, 0, 0);
        RecordFigures.Range r = RecordFigures.Range.of(2, 214, 15_000);
        assertThat(r.low()).isCloseTo(2 / 15_000.0, within(1e-15));
        assertThat(r.high()).isCloseTo(216 / 15_000.0, within(1e-15));
        assertThat(r.intervalLow()).isCloseTo(0.2422 / 15_000, within(1e-7));
        assertThat(r.intervalHigh()).isGreaterThan(r.high());
        String s = RecordFigures.statement(stats, 15_000, r, ExpectedFalseAlerts.line("F", 0.000943, 15_000));
        assertThat(s).startsWith("Between 2 and 216 false alerts in 15,000 faces, because 214 of 216 alerts were never"
                + " decided: a rate between 1 in 7,500 and 1 in 69").contains("about 14.1 expected (7–22) at the"
                        + " calibrated rate of group F, 1 in 1,060.");

        AlertStatistics decided = new AlertStatistics(3, 1, 2, 0, 0, 0, 0, 0, 0);
        assertThat(RecordFigures.statement(decided, 15_000, RecordFigures.Range.of(2, 0, 15_000), null))
                .startsWith("2 false alerts in 15,000 faces: 1 in 7,500 (95 %: 1 in 61,930 to 1 in 2,076)")
                .endsWith("no calibrated rate to compare with.");
        assertThat(RecordFigures.Range.of(0, 5, 0)).as("no face counted").isNull();
        assertThat(RecordFigures.statement(decided, 0, null, null)).contains("unknown");
    }

    @Test
    void theCsvHasTheRecordsFieldsAndQuotesWhatNeedsIt() {
        List<String> columns = OpenData.columns();
        assertThat(columns).startsWith("deploymentId", "reference").contains("advanceNotice", "publishedByRole",
                "falseAlertRateLow").doesNotContain("publishedBy");
        String csv = OpenData.csv(List.of());
        assertThat(csv).isEqualTo(String.join(",", columns) + "\r\n");
        assertThat(OpenData.csv(List.of(record("Queen St, \"north\"", "=HYPERLINK(\"x\")")))).contains(
                ",\"Queen St, \"\"north\"\"\",").contains(",\"'=HYPERLINK(\"\"x\"\")\",").contains(",WAIVED,")
                .contains(",WANTED_BY_COURT=3;SUSPECT=1,");
    }

    private static DeploymentRecordView record(String location, String area) {
        return new DeploymentRecordView(java.util.UUID.randomUUID(), "R-1", location, 51.0, -3.0, area, null, null, null,
                60, 4, List.of(new DeploymentRecordView.CategoryCount("WANTED_BY_COURT", 3),
                        new DeploymentRecordView.CategoryCount("SUSPECT", 1)), 1000, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0.0,
                0.815, 0.000507, 0.913, "sentence", 0, List.of(), null, 1, 0, null, null, "Supervisor", "Supervisor",
                1.0, 0.2, 1.0, 0.0, 0.0, 0.0, 0.0037, "statement", "F", 0.000943, 0.943, 0L, 3L, "lfw", "WAIVED",
                null, false);
    }
}
