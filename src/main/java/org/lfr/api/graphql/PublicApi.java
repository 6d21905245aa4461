package org.lfr.api.graphql;

import java.util.List;

import jakarta.annotation.security.PermitAll;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.transparency.DeploymentRecordService;
import org.lfr.transparency.DeploymentRecordView;
import org.lfr.transparency.PublicDeploymentView;
import org.lfr.transparency.PublicNoticeView;
import org.lfr.transparency.PublicService;

import io.smallrye.mutiny.Uni;

/** Readable by anyone, signed in or not. */
@GraphQLApi
public class PublicApi {

    private final PublicService publicService;
    private final DeploymentRecordService records;

    PublicApi(PublicService publicService, DeploymentRecordService records) {
        this.publicService = publicService;
        this.records = records;
    }

    @Query
    @Description("Published community notices.")
    @PermitAll
    public Uni<List<PublicNoticeView>> publicNotices() {
        return publicService.notices();
    }

    @Query
    @Description("Where LFR is planned or in use now.")
    @PermitAll
    public Uni<List<PublicDeploymentView>> publicDeployments() {
        return publicService.plannedAndActive();
    }

    @Query
    @Description("Published deployment records.")
    @PermitAll
    public Uni<List<DeploymentRecordView>> publishedDeploymentRecords() {
        return records.published();
    }
}
