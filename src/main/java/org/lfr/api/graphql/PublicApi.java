package org.lfr.api.graphql;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.PermitAll;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.common.BriefCache;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageRequest;
import org.lfr.transparency.DeploymentRecordService;
import org.lfr.transparency.DeploymentRecordView;
import org.lfr.transparency.PublicDeploymentConnection;
import org.lfr.transparency.PublicDeploymentView;
import org.lfr.transparency.PublicNoticeConnection;
import org.lfr.transparency.PublicNoticeView;
import org.lfr.transparency.PublicService;
import org.lfr.transparency.PublishedRecordConnection;
import org.lfr.transparency.RecordsConfig;

import io.smallrye.mutiny.Uni;

/**
 * Readable by anyone, signed in or not: a page at a time (Relay, as the staff lists), each list read from the
 * database at most once per {@code lfr.records.public-cache-ttl}, so that no amount of anonymous asking starves the
 * service.
 */
@GraphQLApi
public class PublicApi {

    private final PublicService publicService;
    private final DeploymentRecordService records;
    private final BriefCache<List<PublicNoticeView>> notices;
    private final BriefCache<List<PublicDeploymentView>> deployments;
    private final BriefCache<List<DeploymentRecordView>> published;

    PublicApi(PublicService publicService, DeploymentRecordService records, RecordsConfig config, Clock clock) {
        this.publicService = publicService;
        this.records = records;
        this.notices = new BriefCache<>(config.publicCacheTtl(), clock);
        this.deployments = new BriefCache<>(config.publicCacheTtl(), clock);
        this.published = new BriefCache<>(config.publicCacheTtl(), clock);
    }

    @Query
    @Description("Published community notices, newest first, a page at a time (`first`/`after`, `last`/`before`).")
    @PermitAll
    public Uni<@NonNull PublicNoticeConnection> publicNotices(Integer first, String after, Integer last, String before) {
        PageRequest request = new PageRequest(first, after, last, before);
        return notices.get(publicService::notices).map(list -> PublicNoticeConnection.of(Page.ofList(request, list,
                n -> n.id().toString())));
    }

    @Query
    @Description("Where LFR is planned or in use now, earliest planned start first, a page at a time.")
    @PermitAll
    public Uni<@NonNull PublicDeploymentConnection> publicDeployments(Integer first, String after, Integer last,
            String before) {
        PageRequest request = new PageRequest(first, after, last, before);
        return deployments.get(publicService::plannedAndActive).map(list -> PublicDeploymentConnection.of(
                Page.ofList(request, list, d -> d.id().toString())));
    }

    @Query
    @Description("Published deployment records, newest first, a page at a time.")
    @PermitAll
    public Uni<@NonNull PublishedRecordConnection> publishedDeploymentRecords(Integer first, String after,
            Integer last, String before) {
        PageRequest request = new PageRequest(first, after, last, before);
        return published.get(records::published).map(list -> PublishedRecordConnection.of(Page.ofList(request, list,
                DeploymentRecordView::reference)));
    }
}
