package org.lfr.deployment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.persistence.OwnSession;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Each camera's state as the replica analysing it last reported it, shared through the database so that every
 * replica can show it ({@code camera_status}). The recognition runtime writes; the API reads. The table holds
 * operational figures only, nothing about faces.
 */
@ApplicationScoped
public class CameraStatusBoard {

    /** One camera's report: what it is doing on {@code replica} ({@code instance}: that process), as of {@code reportedAt}. */
    public record Report(UUID cameraId, String state, String problem, double analysedFps, long droppedFrames,
            long reconnects, Instant lastFrameAt, String replica, UUID instance, Instant reportedAt) {
    }

    /**
     * Writes this instance's reports and takes back those of cameras it no longer analyses ({@code gone}).
     * {@code analysing}: cameras it holds the claim of, which always win; {@code failed}: cameras that could not start
     * here, written only over a report of its own or one gone stale before {@code staleBefore} (another replica may
     * be analysing the camera meanwhile).
     */
    @WithTransaction
    public Uni<Void> report(List<Report> analysing, List<Report> failed, Collection<UUID> gone, UUID instance,
            Instant staleBefore) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (Report r : analysing) {
            work = work.chain(() -> upsert(r, ""));
        }
        for (Report r : failed) {
            work = work.chain(() -> upsert(r, " where camera_status.instance = cast(:instance as uuid)"
                    + " or camera_status.reported_at < cast(:staleBefore as timestamptz)", staleBefore));
        }
        if (!gone.isEmpty()) {
            work = work.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                    "delete from camera_status where camera_id in (:gone) and instance = :instance")
                    .setParameter("gone", List.copyOf(gone)).setParameter("instance", instance).executeUpdate()))
                    .replaceWithVoid();
        }
        return work;
    }

    /** The last report about a camera, from whichever replica. */
    @OwnSession
    public Uni<Optional<Report>> reported(UUID cameraId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select state, problem, analysed_fps,"
                + " dropped_frames, reconnects, last_frame_at, replica, instance, reported_at from camera_status"
                + " where camera_id = :camera", Object[].class).setParameter("camera", cameraId).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Report(cameraId, (String) r[0], (String) r[1],
                        ((Number) r[2]).doubleValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                        instant(r[5]), (String) r[6], UUID.fromString(r[7].toString()), instant(r[8]))));
    }

    private Uni<Void> upsert(Report r, String onlyWhere) {
        return upsert(r, onlyWhere, null);
    }

    /** A camera deleted meanwhile (its draft edited) has no row to report on: the insert then adds nothing. */
    private Uni<Void> upsert(Report r, String onlyWhere, Instant staleBefore) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery("insert into camera_status (camera_id, state, problem, analysed_fps,"
                    + " dropped_frames, reconnects, last_frame_at, replica, instance, reported_at)"
                    + " select c.id, cast(:state as varchar), cast(:problem as varchar), cast(:fps as double precision),"
                    + " cast(:dropped as bigint), cast(:reconnects as bigint), cast(:lastFrame as timestamptz),"
                    + " cast(:replica as varchar), cast(:instance as uuid), cast(:reportedAt as timestamptz)"
                    + " from camera c where c.id = :camera"
                    + " on conflict (camera_id) do update set state = excluded.state, problem = excluded.problem,"
                    + " analysed_fps = excluded.analysed_fps, dropped_frames = excluded.dropped_frames,"
                    + " reconnects = excluded.reconnects, last_frame_at = excluded.last_frame_at,"
                    + " replica = excluded.replica, instance = excluded.instance, reported_at = excluded.reported_at"
                    + onlyWhere)
                    .setParameter("camera", r.cameraId()).setParameter("state", r.state())
                    .setParameter("problem", r.problem()).setParameter("fps", r.analysedFps())
                    .setParameter("dropped", r.droppedFrames()).setParameter("reconnects", r.reconnects())
                    .setParameter("lastFrame", r.lastFrameAt()).setParameter("replica", r.replica())
                    .setParameter("instance", r.instance()).setParameter("reportedAt", r.reportedAt());
            if (staleBefore != null) {
                q.setParameter("staleBefore", staleBefore);
            }
            return q.executeUpdate();
        }).replaceWithVoid();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
