package org.lfr.api.graphql;

import static org.lfr.common.Roles.OFFICER;
import static org.lfr.common.Roles.SUPERVISOR;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lfr.deployment.DeploymentView;
import org.lfr.notice.NoticeInput;
import org.lfr.notice.NoticeService;
import org.lfr.notice.NoticeView;
import org.lfr.security.CurrentActor;
import org.lfr.signage.LeafletView;
import org.lfr.signage.SignageInput;
import org.lfr.signage.SignageService;
import org.lfr.signage.SignageView;

import io.smallrye.mutiny.Uni;

/** Telling the public: community notices, signs at cameras, leaflets. */
@GraphQLApi
public class NoticeAndSignageApi {

    private final NoticeService notices;
    private final SignageService signage;
    private final CurrentActor actor;

    NoticeAndSignageApi(NoticeService notices, SignageService signage, CurrentActor actor) {
        this.notices = notices;
        this.signage = signage;
        this.actor = actor;
    }

    @Mutation
    @Description("Publish a community notice now (it becomes public at once; it cannot be backdated): an officer"
            + " assigned to the deployment, or a supervisor.")
    @RolesAllowed({OFFICER, SUPERVISOR})
    public Uni<NoticeView> publishNotice(@Id @NonNull String deploymentId, @NonNull NoticeInput input) {
        return notices.publish(actor.get(), Ids.uuid("deploymentId", deploymentId), input);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<SignageView> recordSignagePlaced(@Id @NonNull String cameraId, @NonNull SignageInput input) {
        return signage.place(actor.get(), Ids.uuid("cameraId", cameraId), input);
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<SignageView> recordSignageRemoved(@Id @NonNull String signageId) {
        return signage.remove(actor.get(), Ids.uuid("signageId", signageId));
    }

    @Mutation
    @RolesAllowed(OFFICER)
    public Uni<LeafletView> recordLeaflets(@Id @NonNull String deploymentId, int count) {
        return signage.recordLeaflets(actor.get(), Ids.uuid("deploymentId", deploymentId), count);
    }

    public Uni<List<NoticeView>> notices(@Source DeploymentView deployment) {
        return notices.forDeployment(deployment.id());
    }

    public Uni<List<SignageView>> signage(@Source DeploymentView deployment) {
        return signage.signage(deployment.id());
    }

    public Uni<List<LeafletView>> leaflets(@Source DeploymentView deployment) {
        return signage.leaflets(deployment.id());
    }
}
