package org.lfr.transparency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("DeploymentRecord")
@Description("What a force publishes after every deployment (the Met's published deployment records, made automatic).")
public record DeploymentRecordView(@Id UUID deploymentId, String reference, String locationName, double latitude,
        double longitude, String areaDescription, Instant plannedStart, Instant startedAt, Instant endedAt,
        long durationMinutes, int watchlistSize, List<CategoryCount> watchlistByCategory, long facesProcessed,
        long alerts, long confirmedMatches, long falseAlerts, long notEngaged, long notAdjudicated, long arrests,
        long advice, long noFurtherAction, long otherOutcomes,
        @Description("False alerts per face processed (0 when no face was processed): the observed false-alert rate.")
        double falseAlertRate,
        @Description("The match threshold the deployment ran at.") double matchThreshold,
        @Description("The false-alert rate that threshold was expected to give (calibration of the models; null when"
                + " they were not calibrated).") Double expectedFalseAlertRate,
        @Description("The identification rate that threshold was expected to give.") Double expectedIdentificationRate,
        @Description("The expectation in one sentence.") String expectedRates,
        int noticesPublished, List<String> noticeChannels, Instant firstNoticeAt, int signsPlaced,
        long leafletsHandedOut, Instant generatedAt, Instant publishedAt, String publishedBy) {

    @Type("CategoryCount")
    public record CategoryCount(String category, long count) {
    }

    DeploymentRecordView published(Instant at, String by, Instant generated) {
        return new DeploymentRecordView(deploymentId, reference, locationName, latitude, longitude, areaDescription,
                plannedStart, startedAt, endedAt, durationMinutes, watchlistSize, watchlistByCategory, facesProcessed,
                alerts, confirmedMatches, falseAlerts, notEngaged, notAdjudicated, arrests, advice, noFurtherAction,
                otherOutcomes, falseAlertRate, matchThreshold, expectedFalseAlertRate, expectedIdentificationRate,
                expectedRates, noticesPublished, noticeChannels, firstNoticeAt, signsPlaced,
                leafletsHandedOut, generated, at, by);
    }
}
