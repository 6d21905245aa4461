package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditEventConnection;
import org.lfr.audit.AuditFilter;
import org.lfr.audit.AuditQueries;
import org.lfr.audit.AuditVerifier;
import org.lfr.common.paging.PageRequest;
import org.lfr.restore.RestoreContinuity;
import org.lfr.retention.RetentionService;
import org.lfr.retention.RetentionViews;
import org.lfr.security.CurrentActor;
import org.lfr.transparency.DeploymentRecordService;
import org.lfr.transparency.DeploymentRecordView;

import io.smallrye.mutiny.Uni;

/** Oversight: the audit trail and its verification, retention, and deployment records. */
@GraphQLApi
public class OversightApi {

    private final AuditQueries audit;
    private final AuditVerifier verifier;
    private final RetentionService retention;
    private final DeploymentRecordService records;
    private final CurrentActor actor;
    private final RestoreContinuity continuity;

    OversightApi(AuditQueries audit, AuditVerifier verifier, RetentionService retention, DeploymentRecordService records,
            CurrentActor actor, RestoreContinuity continuity) {
        this.continuity = continuity;
        this.audit = audit;
        this.verifier = verifier;
        this.retention = retention;
        this.records = records;
        this.actor = actor;
    }

    @Query
    @Description("The audit trail in chain order, a page at a time (Relay: `first`/`after` forwards, `last`/`before`"
            + " the latest), filtered by actor, action, subject and time.")
    @RolesAllowed(DPO)
    public Uni<AuditEventConnection> auditTrail(AuditFilter filter, Integer first, String after, Integer last,
            String before) {
        return audit.page(filter, new PageRequest(first, after, last, before));
    }

    @Query
    @Description("Every action the audit trail records, for filtering it (introspection is off outside development).")
    @RolesAllowed(DPO)
    public @NonNull List<@NonNull AuditAction> auditActions() {
        return List.of(AuditAction.values());
    }

    @Query
    @Description("Recomputes the hash chain and reports the first event that does not hold; after a restore from"
            + " backup, also whether the chain holds the last head known before it and which events were lost.")
    @RolesAllowed(DPO)
    public Uni<AuditVerifier.Verification> verifyAuditChain() {
        return verifier.verify().chain(continuity::addTo);
    }

    @Query
    @Description("What retention will purge next, what is held, and what was purged.")
    @RolesAllowed(DPO)
    public Uni<RetentionViews.Status> retentionStatus() {
        return retention.status();
    }

    @Mutation
    @Description("Run retention now (it also runs on a schedule).")
    @RolesAllowed(DPO)
    public Uni<RetentionViews.Run> runRetention() {
        return retention.run(actor.get());
    }

    @Query
    @Description("Every generated deployment record, published or not.")
    @RolesAllowed({SUPERVISOR, DPO})
    public Uni<List<DeploymentRecordView>> deploymentRecords() {
        return records.all();
    }

    @Query
    @Description("Exactly what the deployment's public record says, or would say if you published it now: the"
            + " generated record (figures frozen at closing), or before closing its figures as of now. The same type"
            + " the public list returns; no person is named in it.")
    @RolesAllowed({SUPERVISOR, DPO})
    public Uni<DeploymentRecordView> deploymentRecordPreview(@Id @NonNull String deploymentId) {
        return records.preview(actor.get(), Ids.uuid("deploymentId", deploymentId));
    }

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentRecordView> publishDeploymentRecord(@Id @NonNull String deploymentId) {
        return records.publish(actor.get(), Ids.uuid("deploymentId", deploymentId));
    }
}
