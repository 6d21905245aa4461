package org.lfr.watchlist;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.audit.AuditSubject;
import org.lfr.audit.AuditedChange;
import org.lfr.audit.AuditedChange.Audited;
import org.lfr.common.Actor;
import org.lfr.common.NotFoundException;
import org.lfr.common.Now;
import org.lfr.common.Offload;

import io.smallrye.mutiny.Uni;

/**
 * Enrolment images and their embeddings: biometric data of the people on a watchlist. Every image is checked (one
 * usable face) before it is stored; every read is audited; retention purges them when the deployment ends.
 */
@ApplicationScoped
public class EnrolmentService {

    public record ImageContent(byte[] content, String contentType) {
    }

    private final Now now;
    private final WatchlistConfig config;
    private final AuditedChange audited;
    private final WatchlistService watchlists;
    private final EnrolmentEmbeddingRepository embeddings;
    private final FaceEnrolment faces;

    EnrolmentService(Now now, WatchlistConfig config, AuditedChange audited, WatchlistService watchlists,
            EnrolmentEmbeddingRepository embeddings, FaceEnrolment faces) {
        this.now = now;
        this.config = config;
        this.audited = audited;
        this.watchlists = watchlists;
        this.embeddings = embeddings;
        this.faces = faces;
    }

    /**
     * Stores an entry's enrolment image and its embedding, after checking that it really is a JPEG or PNG within
     * the size limit showing exactly one usable face. Refusals carry an {@link EnrolmentRejection}.
     */
    public Uni<WatchlistEntryView> storeImage(Actor actor, UUID entryId, byte[] data) {
        ImageFormat format = checkImage(data);
        return Offload.blocking(() -> faces.enrol(data)).chain(enrolled -> watchlists.changeEntry(actor,
                AuditAction.ENROLMENT_IMAGE_STORED, entryId, (e, w) -> EnrolmentImage.<EnrolmentImage>findById(entryId)
                        .chain(existing -> {
                            EnrolmentImage image = existing != null ? existing : new EnrolmentImage();
                            image.watchlistEntryId = entryId;
                            image.content = data;
                            image.contentType = format.contentType;
                            image.uploadedBy = actor.username();
                            image.uploadedAt = now.instant();
                            return embeddings.delete("watchlistEntryId", entryId)
                                    .chain(() -> existing != null ? Uni.createFrom().item(image) : image.persist())
                                    .chain(() -> embeddings.persist(EnrolmentEmbedding.of(entryId, enrolled.model(),
                                            enrolled.embedding(), image.uploadedAt)))
                                    .chain(() -> watchlists.entryView(e))
                                    .map(v -> Audited.of(v, entryId, Map.of("bytes", data.length, "format",
                                            format.name(), "model", enrolled.model())));
                        })));
    }

    /** Reading an enrolment image is itself audited: who looked at whose biometric data, when. */
    public Uni<ImageContent> readImage(Actor actor, UUID entryId) {
        return audited.run(actor, AuditAction.ENROLMENT_IMAGE_READ, AuditSubject.WATCHLIST_ENTRY, entryId, () ->
                EnrolmentImage.<EnrolmentImage>findById(entryId)
                        .onItem().ifNull().failWith(() -> new NotFoundException("enrolment image of entry", entryId))
                        .map(image -> Audited.of(new ImageContent(image.content, image.contentType), entryId, Map.of())));
    }

    ImageFormat checkImage(byte[] data) {
        if (data == null || data.length == 0) {
            throw new EnrolmentRejectedException(EnrolmentRejection.UNSUPPORTED_FORMAT, "image: the body is empty");
        }
        if (data.length > config.maxImageBytes()) {
            throw new EnrolmentRejectedException(EnrolmentRejection.TOO_LARGE, "image: " + data.length
                    + " bytes is over the limit of " + config.maxImageBytes());
        }
        return ImageFormat.sniff(data).orElseThrow(() -> new EnrolmentRejectedException(
                EnrolmentRejection.UNSUPPORTED_FORMAT, "image: only JPEG and PNG images are accepted"));
    }
}
