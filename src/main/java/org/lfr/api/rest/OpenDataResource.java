package org.lfr.api.rest;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lfr.common.BriefCache;
import org.lfr.transparency.DeploymentRecordService;
import org.lfr.transparency.DeploymentRecordView;
import org.lfr.transparency.OpenData;
import org.lfr.transparency.RecordsConfig;

import io.smallrye.mutiny.Uni;

/**
 * The published deployment records as open data at stable URLs, for anyone, without signing in: the same records and
 * fields as the public GraphQL query {@code publishedDeploymentRecords}, newest first, read from the database at most
 * once per {@code lfr.records.public-cache-ttl}.
 */
@Path("/open-data")
@Tag(name = "open data")
@PermitAll
public class OpenDataResource {

    private final DeploymentRecordService records;
    private final BriefCache<List<DeploymentRecordView>> published;

    OpenDataResource(DeploymentRecordService records, RecordsConfig config, Clock clock) {
        this.records = records;
        this.published = new BriefCache<>(config.publicCacheTtl(), clock);
    }

    @GET
    @Path("deployment-records.json")
    @Produces("application/json")
    @Operation(summary = "Published deployment records as JSON (the fields of the public GraphQL DeploymentRecord)")
    public Uni<List<DeploymentRecordView>> json() {
        return published.get(records::published);
    }

    @GET
    @Path("deployment-records.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Published deployment records as CSV, one row per deployment (columns: docs/GOVERNANCE.md)")
    public Uni<String> csv() {
        return published.get(records::published).map(OpenData::csv);
    }
}
