package org.lfr.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Actor;
import org.lfr.common.InputValidation;
import org.lfr.common.NotFoundException;
import org.lfr.common.paging.Page;
import org.lfr.common.paging.PageRequest;
import org.lfr.persistence.OwnSession;
import org.lfr.persistence.Where;

import io.smallrye.mutiny.Uni;

/**
 * Reads of deployments: for the API (each in a session of its own) and for the features built on deployments (in
 * the caller's session, so that a check and the change it guards see the same state).
 */
@ApplicationScoped
public class DeploymentQueries {

    /** All deployments in one status, newest planned start first (the demo looks for its own). */
    @OwnSession
    public Uni<List<DeploymentView>> list(DeploymentStatus status) {
        return Deployment.<Deployment>list("status = ?1 order by plannedStart desc", status).chain(DeploymentQueries::views);
    }

    /**
     * A page of the deployments {@code actor} may read, newest planned start first (ties by id); the cursor holds
     * both.
     */
    @OwnSession
    public Uni<DeploymentConnection> page(Actor actor, DeploymentFilter filter, PageRequest request) {
        DeploymentFilter f = filter == null ? DeploymentFilter.ALL : filter;
        // an officer sees only the deployments they are assigned to; supervisors and the DPO see all
        boolean onlyOperated = !actor.isSupervisor() && !actor.isDpo();
        InputValidation.require(f.from() == null || f.to() == null || f.from().isBefore(f.to()), "filter.to",
                "must be after filter.from");
        String field = request.backwards() ? "before" : "after";
        String key = request.decode(field);
        Instant cursorStart = null;
        UUID cursorId = null;
        if (key != null) {
            try {
                String[] parts = key.split("\\|", 2);
                cursorStart = Instant.parse(parts[0]);
                cursorId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                InputValidation.require(false, field, "is not a cursor returned by this service");
            }
        }
        // forwards = towards older planned starts; backwards = towards newer ones
        String beyond = request.backwards() ? ">" : "<";
        Where where = new Where()
                .and("status = :status", "status", f.status())
                .andIf(onlyOperated || Boolean.TRUE.equals(f.operatedByMe()), Operators.INCLUDE_ME)
                .andIf(Boolean.FALSE.equals(f.operatedByMe()), "not " + Operators.INCLUDE_ME)
                .and("plannedStart >= :from", "from", f.from())
                .and("plannedStart < :to", "to", f.to())
                .and("(plannedStart " + beyond + " :cursorStart or (plannedStart = :cursorStart and id " + beyond
                        + " :cursorId))", "cursorStart", cursorStart);
        if (onlyOperated || f.operatedByMe() != null) {
            where.parameters().and("me", actor.username());
        }
        if (cursorId != null) {
            where.parameters().and("cursorId", cursorId);
        }
        String order = request.backwards() ? "plannedStart, id" : "plannedStart desc, id desc";
        return Deployment.<Deployment>find(where.orderBy(order), where.parameters()).page(0, request.size() + 1).list()
                .chain(rows -> {
                    Page<Deployment> page = Page.of(request, rows, d -> d.plannedStart + "|" + d.id);
                    return views(page.items()).map(views -> DeploymentConnection.of(page.map(items -> views)));
                });
    }

    /** Ids of the deployments an officer is assigned to operate, in the caller's session. */
    public Uni<List<UUID>> operatedBy(String username) {
        return Deployment.<Deployment>list(Operators.INCLUDE_ME, io.quarkus.panache.common.Parameters.with("me", username))
                .map(list -> list.stream().map(d -> d.id).toList());
    }

    /** The deployment, if {@code actor} may read it: its operators, supervisors and the DPO. */
    @OwnSession
    public Uni<DeploymentView> get(Actor actor, UUID id) {
        return Deployment.require(id).invoke(d -> d.summary().requireReadableBy(actor)).chain(DeploymentQueries::view);
    }

    @OwnSession
    public Uni<DeploymentView> get(UUID id) {
        return view(id);
    }

    /** ACTIVE deployments with their cameras: what the recognition runtime runs. */
    @OwnSession
    public Uni<List<RunningDeployment>> running() {
        return Deployment.<Deployment>list("status", DeploymentStatus.ACTIVE).chain(deployments -> {
            if (deployments.isEmpty()) {
                return Uni.createFrom().item(List.<RunningDeployment>of());
            }
            return Camera.<Camera>list("deploymentId in ?1 order by name", deployments.stream().map(d -> d.id).toList())
                    .map(cameras -> deployments.stream().map(d -> RunningDeployment.of(d, cameras.stream()
                            .filter(c -> c.deploymentId.equals(d.id)).toList())).toList());
        });
    }

    /** The deployment, if it is ACTIVE. */
    @OwnSession
    public Uni<Optional<RunningDeployment>> running(UUID deploymentId) {
        return Deployment.<Deployment>findById(deploymentId).chain(DeploymentQueries::runningForm);
    }

    /** The ACTIVE deployment a camera belongs to, if it is ACTIVE. */
    @OwnSession
    public Uni<Optional<RunningDeployment>> runningWithCamera(UUID cameraId) {
        return Camera.<Camera>findById(cameraId).chain(camera -> camera == null ? Uni.createFrom().item(Optional.empty())
                : Deployment.<Deployment>findById(camera.deploymentId).chain(DeploymentQueries::runningForm));
    }

    private static Uni<Optional<RunningDeployment>> runningForm(Deployment d) {
        if (d == null || d.status != DeploymentStatus.ACTIVE) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Camera.<Camera>list("deploymentId = ?1 order by name", d.id)
                .map(cameras -> Optional.of(RunningDeployment.of(d, cameras)));
    }

    // ------------------------------------------------------------------ in the caller's session

    /** The deployment, or {@code not-found}. */
    public Uni<DeploymentSummary> summary(UUID id) {
        return Deployment.require(id).map(Deployment::summary);
    }

    /** The deployment with everything the API shows of it. */
    public Uni<DeploymentView> view(UUID id) {
        return Deployment.require(id).chain(DeploymentQueries::view);
    }

    public Uni<Optional<CameraRef>> camera(UUID cameraId) {
        return Camera.<Camera>findById(cameraId).map(c -> Optional.ofNullable(c)
                .map(x -> new CameraRef(x.id, x.deploymentId, x.name, x.pushMode)));
    }

    /** As {@link #camera}, or {@code not-found}. */
    public Uni<CameraRef> requireCamera(UUID cameraId) {
        return camera(cameraId).map(c -> c.orElseThrow(() -> new NotFoundException("camera", cameraId)));
    }

    /** Deployments in the given statuses, oldest planned start first. */
    public Uni<List<DeploymentView>> inStatus(Set<DeploymentStatus> statuses) {
        return Deployment.<Deployment>list("status in ?1 order by plannedStart", statuses).chain(DeploymentQueries::views);
    }

    public Uni<List<DeploymentView>> byIds(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Deployment.<Deployment>list("id in ?1", ids).chain(DeploymentQueries::views);
    }

    /** CLOSED deployments (ended after running), for their records. */
    public Uni<List<DeploymentView>> closed() {
        return inStatus(java.util.EnumSet.of(DeploymentStatus.CLOSED));
    }

    // ------------------------------------------------------------------ views

    static Uni<DeploymentView> view(Deployment d) {
        return Camera.<Camera>list("deploymentId = ?1 order by name", d.id).map(c -> DeploymentView.of(d, c));
    }

    static Uni<List<DeploymentView>> views(List<Deployment> deployments) {
        if (deployments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = deployments.stream().map(d -> d.id).toList();
        return Camera.<Camera>list("deploymentId in ?1 order by name", ids).map(cameras -> deployments.stream()
                .map(d -> DeploymentView.of(d, cameras.stream().filter(c -> c.deploymentId.equals(d.id)).toList()))
                .toList());
    }
}
