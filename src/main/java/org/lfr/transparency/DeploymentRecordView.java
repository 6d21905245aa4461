package org.lfr.transparency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

/**
 * The published account of one deployment, in the terms of the independent review of the Met's trials: alerts,
 * confirmed ("verifiably correct"), false, not engaged, undecided; shares and rates with their 95 % intervals; a
 * false-alert rate given as a range when alerts were left undecided, never a confident zero; whether advance notice
 * was given or waived; who authorised and published it by role only. Anyone may read it: nothing here names a person.
 */
@Type("DeploymentRecord")
@Description("What a force publishes after every deployment (the Met's published deployment records, made automatic),"
        + " in the review's terms (docs/GOVERNANCE.md, \"The published record\"). No person is named.")
public record DeploymentRecordView(@Id UUID deploymentId, String reference, String locationName, double latitude,
        double longitude, String areaDescription, Instant plannedStart, Instant startedAt, Instant endedAt,
        long durationMinutes, int watchlistSize, List<CategoryCount> watchlistByCategory, long facesProcessed,
        long alerts,
        @Description("Alerts the engaging officer confirmed as the person on the list (\"verifiably correct\").")
        long confirmedMatches,
        long falseAlerts, long notEngaged,
        @Description("Alerts nobody decided: counted neither true nor false.") long notAdjudicated, long arrests,
        long advice, long noFurtherAction, long otherOutcomes,
        @Description("False alerts per face processed, when every alert was decided and a face was processed; null"
                + " otherwise (see the range).") Double falseAlertRate,
        @Description("The match threshold the deployment ran at.") double matchThreshold,
        @Description("The false-alert rate that threshold was expected to give for everyone (calibration of the models;"
                + " null when they were not calibrated).") Double expectedFalseAlertRate,
        @Description("The identification rate that threshold was expected to give.") Double expectedIdentificationRate,
        @Description("The expectation in one sentence.") String expectedRates,
        int noticesPublished, List<String> noticeChannels, Instant firstNoticeAt, int signsPlaced,
        long leafletsHandedOut, Instant generatedAt, Instant publishedAt,
        @Description("Who published it, by role (a force's configured label), never by name.") String publishedByRole,
        @Description("Who authorised it, by role (a force's configured label), never by name.") String authorisedByRole,
        @Description("Share of alerts confirmed (confirmedMatches / alerts); null without alerts.") Double confirmedShare,
        @Description("95 % interval of that share (Wilson).") Double confirmedShareLow, Double confirmedShareHigh,
        @Description("Lowest false-alert rate the decisions allow: undecided alerts counted as not false.")
        Double falseAlertRateLow,
        @Description("Highest: undecided alerts counted as false. Equal to the low end when every alert was decided.")
        Double falseAlertRateHigh,
        @Description("95 % interval around that range (exact Poisson bounds of the low and high counts).")
        Double falseAlertRateIntervalLow, Double falseAlertRateIntervalHigh,
        @Description("The observed false alerts against the expected, in one sentence.") String falseAlertStatement,
        @Description("The group whose calibrated rate the deployment was held to (the worst at its threshold).")
        String expectedRateGroup,
        @Description("That group's calibrated false-alert rate.") Double expectedWorstGroupFalseAlertRate,
        @Description("False alerts expected among the faces processed at that rate, and the 95 % range of the count.")
        Double expectedFalseAlerts, Long expectedFalseAlertsLow, Long expectedFalseAlertsHigh,
        @Description("The calibration the expected rates come from (evaluation set and date).") String calibration,
        @Description("GIVEN (a community notice before the start), WAIVED (critical-threat exemption recorded at"
                + " authorisation) or NOT_GIVEN.") String advanceNotice,
        @Description("When the exemption was recorded (the reason itself is not published).") Instant noticeWaivedAt,
        @Description("True when the live check found false alerts significantly above the calibrated rate.")
        Boolean falseAlertExcessFound) {

    @Type("CategoryCount")
    public record CategoryCount(String category, long count) {
    }

    DeploymentRecordView published(Instant at, String byRole, Instant generated) {
        return new DeploymentRecordView(deploymentId, reference, locationName, latitude, longitude, areaDescription,
                plannedStart, startedAt, endedAt, durationMinutes, watchlistSize, watchlistByCategory, facesProcessed,
                alerts, confirmedMatches, falseAlerts, notEngaged, notAdjudicated, arrests, advice, noFurtherAction,
                otherOutcomes, falseAlertRate, matchThreshold, expectedFalseAlertRate, expectedIdentificationRate,
                expectedRates, noticesPublished, noticeChannels, firstNoticeAt, signsPlaced,
                leafletsHandedOut, generated, at, byRole, authorisedByRole, confirmedShare, confirmedShareLow,
                confirmedShareHigh, falseAlertRateLow, falseAlertRateHigh, falseAlertRateIntervalLow,
                falseAlertRateIntervalHigh, falseAlertStatement, expectedRateGroup, expectedWorstGroupFalseAlertRate,
                expectedFalseAlerts, expectedFalseAlertsLow, expectedFalseAlertsHigh, calibration, advanceNotice,
                noticeWaivedAt, falseAlertExcessFound);
    }
}
