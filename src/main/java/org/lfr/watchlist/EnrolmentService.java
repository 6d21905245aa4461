package org.lfr.watchlist;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.NotFoundException;
import org.lfr.common.Now;
import org.lfr.common.Offload;
import org.lfr.deployment.GovernanceConfig;

import io.smallrye.mutiny.Uni;

/**
 * Enrolment images and their embeddings: biometric data of the people on a watchlist. Only those who may edit the
 * watchlist store them, after the photo is checked (one usable face); only those who may read it see them, and
 * every read is audited; retention purges them when the deployment ends.
 */
@ApplicationScoped
public class EnrolmentService {

    public record ImageContent(byte[] content, String contentType) {
    }

    private final Now now;
    private final AuditedChange audited;
    private final WatchlistService watchlists;
    private final EnrolmentEmbeddingRepository embeddings;
    private final FaceEnrolment faces;
    private final EnrolmentLimiter limiter;
    private final LookalikeCohort cohort;
    private final GovernanceConfig governance;

    EnrolmentService(Now now, AuditedChange audited, WatchlistService watchlists,
            EnrolmentEmbeddingRepository embeddings, FaceEnrolment faces, EnrolmentLimiter limiter,
            LookalikeCohort cohort, GovernanceConfig governance) {
        this.now = now;
        this.audited = audited;
        this.watchlists = watchlists;
        this.embeddings = embeddings;
        this.faces = faces;
        this.limiter = limiter;
        this.cohort = cohort;
        this.governance = governance;
    }

    /** The checked face and its look-alike scores (null: no usable cohort). */
    private record Analysed(FaceEnrolment.EnrolledFace face, LookalikeCohort.Scores scores) {
    }

    /**
     * Stores an entry's enrolment image and its embedding, after checking that it really is a JPEG or PNG within
     * the size limits showing exactly one usable face. Refusals carry an {@link EnrolmentRejection}.
     */
    public Uni<WatchlistEntryView> storeImage(Actor actor, UUID entryId, byte[] data) {
        EnrolmentLimiter.Permit permit = limiter.acquire(actor);
        // who may edit is checked before the costly inference, and again with the change
        return watchlists.requireMayEdit(actor, AuditAction.ENROLMENT_IMAGE_STORED, entryId)
                .chain(() -> store(actor, entryId, data, () -> faces.enrol(data))).eventually(permit::release);
    }

    /**
     * Bulk enrolment's store, within a request that holds the user's enrolment permit and whose list the user was
     * found to edit when the archive began: the photo's face checked and embedded by {@code analysis} (blocking;
     * bulk enrolment analyses the next photos while this one is stored), then stored if the user may still edit
     * the entry (checked in the change's transaction).
     */
    Uni<WatchlistEntryView> store(Actor actor, UUID entryId, byte[] data, Callable<FaceEnrolment.EnrolledFace> analysis) {
        // scored against the cohort down to the threshold floor: the deployment's threshold may still change
        return Offload.blocking(() -> {
            FaceEnrolment.EnrolledFace face = analysis.call();
            return new Analysed(face, cohort.score(face.embedding(), face.model(), governance.thresholdFloor())
                    .orElse(null));
        }).chain(analysed -> watchlists.changeEntry(actor, AuditAction.ENROLMENT_IMAGE_STORED, entryId, (e, w) ->
                        EnrolmentImage.<EnrolmentImage>findById(entryId).chain(existing -> {
                            FaceEnrolment.EnrolledFace enrolled = analysed.face();
                            java.time.Instant at = now.instant();
                            EnrolmentEmbedding embedding = EnrolmentEmbedding.of(entryId, enrolled.model(),
                                    enrolled.embedding(), at);
                            EnrolmentImage image = existing != null ? existing : new EnrolmentImage();
                            image.watchlistEntryId = entryId;
                            image.content = data;
                            image.contentType = enrolled.contentType();
                            image.uploadedBy = actor.username();
                            image.uploadedAt = at;
                            return embeddings.delete("watchlistEntryId", entryId)
                                    .chain(() -> existing != null ? Uni.createFrom().item(image) : image.persist())
                                    .chain(() -> embeddings.persist(analysed.scores() == null ? embedding
                                            : embedding.withCohort(analysed.scores())))
                                    .chain(() -> watchlists.entryView(e))
                                    .map(v -> Audited.of(v, entryId, Map.of("bytes", data.length, "format",
                                            enrolled.contentType(), "model", enrolled.model())));
                        })));
    }

    /** Reading an enrolment image is itself audited: who looked at whose biometric data, when. */
    public Uni<ImageContent> readImage(Actor actor, UUID entryId) {
        return audited.run(actor, AuditAction.ENROLMENT_IMAGE_READ, AuditSubject.WATCHLIST_ENTRY, entryId, () ->
                watchlists.requireReadable(actor, entryId).chain(() -> EnrolmentImage.<EnrolmentImage>findById(entryId))
                        .onItem().ifNull().failWith(() -> new NotFoundException("enrolment image of entry", entryId))
                        .map(image -> Audited.of(new ImageContent(image.content, image.contentType), entryId, Map.of())));
    }
}
