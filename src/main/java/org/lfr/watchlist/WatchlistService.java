package org.lfr.watchlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lfr.audit.AuditService;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;
import org.lfr.common.GateNotMetException;
import org.lfr.common.InputValidation;
import org.lfr.common.InvalidInputException;
import org.lfr.common.NotFoundException;
import org.lfr.common.Offload;
import org.lfr.deployment.Deployment;
import org.lfr.deployment.DeploymentStatus;
import org.lfr.deployment.GovernanceConfig;
import org.lfr.recognition.enrol.EnrolmentAnalyser;
import org.lfr.recognition.enrol.EnrolmentRejectedException;
import org.lfr.recognition.enrol.EnrolmentRejection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The bespoke watchlist of a deployment: proposed by officers, overridden and approved by supervisors, frozen. */
@ApplicationScoped
public class WatchlistService {

    @Inject
    Clock clock;
    @Inject
    GovernanceConfig governance;
    @Inject
    WatchlistConfig config;
    @Inject
    InputValidation validation;
    @Inject
    AuditService audit;
    @Inject
    EnrolmentEmbeddingRepository embeddings;
    @Inject
    EnrolmentAnalyser enrolment;

    public record ImageContent(byte[] content, String contentType) {
    }

    public Uni<WatchlistView> get(UUID deploymentId) {
        return Panache.withSession(() -> Watchlist.<Watchlist>findById(deploymentId)
                .onItem().ifNull().failWith(() -> new NotFoundException("watchlist of deployment", deploymentId))
                .chain(w -> entryViews(deploymentId).map(entries -> new WatchlistView(w.deploymentId, w.approvedBy,
                        w.approvedAt, w.frozenAt, w.purgedAt, entries.size(), entries))));
    }

    public Uni<WatchlistEntryView> propose(Actor actor, UUID deploymentId, WatchlistEntryInput input) {
        validation.check(input);
        return Panache.withTransaction(() -> editable(deploymentId).chain(w -> WatchlistEntry
                .count("deploymentId = ?1 and subjectReference = ?2", deploymentId, input.subjectReference())
                .chain(n -> {
                    if (n > 0) {
                        throw new ConflictException("subject " + input.subjectReference() + " is already on this watchlist");
                    }
                    WatchlistEntry e = new WatchlistEntry();
                    e.id = UUID.randomUUID();
                    e.deploymentId = deploymentId;
                    e.subjectReference = input.subjectReference();
                    e.category = input.category();
                    e.legalBasis = input.legalBasis();
                    e.imageSource = input.imageSource();
                    e.imageDate = input.imageDate();
                    e.justification = input.justification();
                    e.subjectUnder18 = input.subjectUnder18();
                    e.addedBy = actor.username();
                    e.addedAt = now();
                    revokeApproval(w);
                    return e.persist().chain(() -> audit.record(actor, "WATCHLIST_ENTRY_PROPOSED", "watchlist_entry",
                            e.id, Map.of("deployment", deploymentId.toString(), "category", e.category.name(),
                                    "needsOverride", e.needsOverride(today(), governance.maxImageAgeDays()))))
                            .replaceWith(e);
                })).chain(this::view));
    }

    public Uni<Boolean> remove(Actor actor, UUID entryId) {
        return Panache.withTransaction(() -> entry(entryId).chain(e -> editable(e.deploymentId).chain(w -> {
            revokeApproval(w);
            return e.delete().chain(() -> audit.record(actor, "WATCHLIST_ENTRY_REMOVED", "watchlist_entry", e.id,
                    Map.of("deployment", e.deploymentId.toString())));
        }))).replaceWith(true);
    }

    /** Under-18 subjects and old images stay off the list unless a supervisor says why, in writing. */
    public Uni<WatchlistEntryView> override(Actor actor, UUID entryId, String reason) {
        InputValidation.require(reason != null && !reason.isBlank() && reason.length() <= 2000,
                "reason: must be 1 to 2000 characters");
        return Panache.withTransaction(() -> entry(entryId).chain(e -> editable(e.deploymentId).chain(w -> {
            if (!e.needsOverride(today(), governance.maxImageAgeDays())) {
                throw new ConflictException("entry " + e.subjectReference + " needs no override");
            }
            e.overrideReason = reason;
            e.overrideBy = actor.username();
            e.overrideAt = now();
            revokeApproval(w);
            return audit.record(actor, "WATCHLIST_ENTRY_OVERRIDDEN", "watchlist_entry", e.id,
                    Map.of("reason", reason)).replaceWith(e);
        }))).chain(e -> Panache.withSession(() -> view(e)));
    }

    public Uni<WatchlistView> approve(Actor actor, UUID deploymentId) {
        return Panache.withTransaction(() -> Deployment.require(deploymentId)
                .chain(d -> {
                    if (actor.username().equals(d.createdBy)) {
                        throw new ForbiddenException("four-eyes rule: you drafted deployment " + d.reference
                                + " and cannot approve its watchlist yourself");
                    }
                    return editable(deploymentId);
                })
                .chain(w -> WatchlistEntry.<WatchlistEntry>list("deploymentId", deploymentId).chain(entries -> {
                    if (entries.isEmpty()) {
                        throw new GateNotMetException("approval", List.of("WATCHLIST_EMPTY"));
                    }
                    if (entries.size() > governance.maxWatchlistSize()) {
                        throw new GateNotMetException("approval", List.of("WATCHLIST_TOO_LARGE"));
                    }
                    if (entries.stream().anyMatch(e -> e.needsOverride(today(), governance.maxImageAgeDays())
                            && !e.hasOverride())) {
                        throw new GateNotMetException("approval", List.of("ENTRY_OVERRIDE_MISSING"));
                    }
                    w.approvedBy = actor.username();
                    w.approvedAt = now();
                    return audit.record(actor, "WATCHLIST_APPROVED", "watchlist", deploymentId,
                            Map.of("size", entries.size()));
                })))
                .onFailure(ForbiddenException.class).call(e -> audit.recordAlone(actor, "WATCHLIST_APPROVAL_REFUSED",
                        "watchlist", deploymentId, Map.of("reason", e.getMessage())))
                .chain(() -> get(deploymentId));
    }

    /**
     * Stores an entry's enrolment image and its embedding, after checking that it really is a JPEG or PNG within
     * the size limit showing exactly one usable face. Refusals carry an {@link EnrolmentRejection}.
     */
    public Uni<WatchlistEntryView> storeImage(Actor actor, UUID entryId, byte[] data) {
        ImageFormat format = checkImage(data);
        return Offload.blocking(() -> enrolment.analyse(data)).chain(enrolled -> Panache.withTransaction(() ->
                entry(entryId).chain(e -> editable(e.deploymentId)
                        .chain(w -> EnrolmentImage.<EnrolmentImage>findById(entryId).chain(existing -> {
                            EnrolmentImage image = existing != null ? existing : new EnrolmentImage();
                            image.watchlistEntryId = entryId;
                            image.content = data;
                            image.contentType = format.contentType;
                            image.uploadedBy = actor.username();
                            image.uploadedAt = now();
                            revokeApproval(w);
                            return embeddings.delete("watchlistEntryId", entryId)
                                    .chain(() -> existing != null ? Uni.createFrom().item(image) : image.persist())
                                    .chain(() -> embeddings.persist(EnrolmentEmbedding.of(entryId, enrolled.model(),
                                            enrolled.embedding())))
                                    .chain(() -> audit.record(actor, "ENROLMENT_IMAGE_STORED", "watchlist_entry",
                                            entryId, Map.of("bytes", data.length, "format", format.name(),
                                                    "model", enrolled.model())))
                                    .replaceWith(e);
                        })))).chain(e -> Panache.withSession(() -> view(e))));
    }

    /**
     * Enrols many images at once from a zip whose files are named after the subject reference of existing entries
     * ({@code SUBJ-1.jpg} or {@code SUBJ-1/photo.png}); each file is checked and stored like a single upload, and
     * reported as soon as it is done. Files that fail do not stop the others.
     */
    public io.smallrye.mutiny.Multi<BulkEnrolmentResult> bulkEnrol(Actor actor, UUID deploymentId, byte[] zip) {
        java.util.List<java.util.Map.Entry<String, byte[]>> files = unzip(zip);
        int total = files.size();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        return io.smallrye.mutiny.Multi.createFrom().iterable(files).onItem().transformToUniAndConcatenate(file -> {
            String subject = subjectOf(file.getKey());
            return Panache.withSession(() -> WatchlistEntry.<WatchlistEntry>find(
                    "deploymentId = ?1 and subjectReference = ?2", deploymentId, subject).firstResult())
                    .chain(entry -> entry == null
                            ? Uni.createFrom().item(new BulkEnrolmentResult(done.incrementAndGet(), total,
                                    file.getKey(), subject, "NO_ENTRY", null))
                            : storeImage(actor, entry.id, file.getValue())
                                    .map(v -> new BulkEnrolmentResult(done.incrementAndGet(), total, file.getKey(),
                                            subject, "ENROLLED", null))
                                    .onFailure(org.lfr.common.InvalidInputException.class).recoverWithItem(e ->
                                            new BulkEnrolmentResult(done.incrementAndGet(), total, file.getKey(),
                                                    subject, "REJECTED", e instanceof EnrolmentRejectedException r
                                                            ? r.reason().name() : e.getMessage())));
        }).invoke(r -> org.jboss.logging.Logger.getLogger(WatchlistService.class).infof(
                "bulk enrolment of deployment %s: %d/%d %s %s", deploymentId, r.done(), r.total(), r.status(),
                r.file()));
    }

    static String subjectOf(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 2) {
            return parts[parts.length - 2];
        }
        return parts[0].replaceFirst("\\.[^.]+$", "");
    }

    private static java.util.List<java.util.Map.Entry<String, byte[]>> unzip(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw new InvalidInputException("zip: the body is empty");
        }
        java.util.List<java.util.Map.Entry<String, byte[]>> files = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory() || name.contains("..") || name.startsWith("__MACOSX")
                        || !name.matches("(?i).*\\.(jpe?g|png)$")) {
                    continue;
                }
                files.add(java.util.Map.entry(name, in.readNBytes(10 * 1024 * 1024 + 1)));
            }
        } catch (java.io.IOException ex) {
            throw new InvalidInputException("zip: not a readable zip archive (" + ex.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("zip: no JPEG or PNG files in the archive");
        }
        return files;
    }

    /** Reading an enrolment image is itself audited: who looked at whose biometric data, when. */
    public Uni<ImageContent> readImage(Actor actor, UUID entryId) {
        return Panache.withTransaction(() -> EnrolmentImage.<EnrolmentImage>findById(entryId)
                .onItem().ifNull().failWith(() -> new NotFoundException("enrolment image of entry", entryId))
                .call(image -> audit.record(actor, "ENROLMENT_IMAGE_READ", "watchlist_entry", entryId, Map.of()))
                .map(image -> new ImageContent(image.content, image.contentType)));
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

    // ------------------------------------------------------------------ helpers

    private Uni<WatchlistEntry> entry(UUID entryId) {
        return WatchlistEntry.<WatchlistEntry>findById(entryId)
                .onItem().ifNull().failWith(() -> new NotFoundException("watchlist entry", entryId));
    }

    /** The watchlist, if its deployment may still be edited and it is not frozen. */
    private Uni<Watchlist> editable(UUID deploymentId) {
        return Deployment.require(deploymentId)
                .chain(d -> {
                    if (!DeploymentStatus.EDITABLE.contains(d.status)) {
                        throw new ConflictException("the watchlist of deployment " + d.reference + " is frozen ("
                                + d.status + ")");
                    }
                    return Watchlist.<Watchlist>findById(deploymentId);
                })
                .invoke(w -> {
                    if (w.isFrozen()) {
                        throw new ConflictException("the watchlist is frozen");
                    }
                });
    }

    /** Any change to an approved list needs approving again. */
    private static void revokeApproval(Watchlist w) {
        w.approvedBy = null;
        w.approvedAt = null;
    }

    private Uni<WatchlistEntryView> view(WatchlistEntry e) {
        return entryViews(e.deploymentId, Set.of(e.id)).map(list -> list.get(0));
    }

    private Uni<List<WatchlistEntryView>> entryViews(UUID deploymentId) {
        return entryViews(deploymentId, null);
    }

    private Uni<List<WatchlistEntryView>> entryViews(UUID deploymentId, Set<UUID> only) {
        String sql = "select e.id, (select count(*) from enrolment_image i where i.watchlist_entry_id = e.id),"
                + " (select count(*) from enrolment_embedding m where m.watchlist_entry_id = e.id)"
                + " from watchlist_entry e where e.deployment_id = :d";
        return WatchlistEntry.<WatchlistEntry>list("deploymentId = ?1 order by addedAt, subjectReference", deploymentId)
                .chain(entries -> Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("d", deploymentId).getResultList()).map(rows -> {
                            Map<Object, Object[]> counts = new java.util.HashMap<>();
                            rows.forEach(r -> counts.put(r[0], r));
                            LocalDate today = today();
                            return entries.stream().filter(e -> only == null || only.contains(e.id)).map(e -> {
                                Object[] c = counts.get(e.id);
                                boolean image = c != null && ((Number) c[1]).longValue() > 0;
                                boolean embedding = c != null && ((Number) c[2]).longValue() > 0;
                                return new WatchlistEntryView(e.id, e.deploymentId, e.subjectReference, e.category,
                                        e.legalBasis, e.imageSource, e.imageDate, e.justification, e.subjectUnder18,
                                        e.needsOverride(today, governance.maxImageAgeDays()), e.overrideReason,
                                        e.overrideBy, e.overrideAt, e.addedBy, e.addedAt, image, embedding,
                                        e.imagePurgedAt);
                            }).toList();
                        }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
