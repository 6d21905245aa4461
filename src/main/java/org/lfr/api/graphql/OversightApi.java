package org.lfr.api.graphql;

import static org.lfr.common.Roles.DPO;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lfr.audit.AuditEventView;
import org.lfr.audit.AuditQueries;
import org.lfr.audit.AuditVerifier;
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

    OversightApi(AuditQueries audit, AuditVerifier verifier, RetentionService retention, DeploymentRecordService records, CurrentActor actor) {
        this.audit = audit;
        this.verifier = verifier;
        this.retention = retention;
        this.records = records;
        this.actor = actor;
    }

    @Query
    @Description("The audit trail, oldest first, in pages.")
    @RolesAllowed(DPO)
    public Uni<List<AuditEventView>> auditTrail(@DefaultValue("0") long afterSeq, @DefaultValue("100") int limit) {
        return audit.trail(afterSeq, limit);
    }

    @Query
    @Description("Recomputes the hash chain and reports the first event that does not hold.")
    @RolesAllowed(DPO)
    public Uni<AuditVerifier.Verification> verifyAuditChain() {
        return verifier.verify();
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

    @Mutation
    @RolesAllowed(SUPERVISOR)
    public Uni<DeploymentRecordView> publishDeploymentRecord(@NonNull UUID deploymentId) {
        return records.publish(actor.get(), deploymentId);
    }
}
