package org.lfr.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.audit.AuditAction;
import org.lfr.common.Actor;
import org.lfr.common.Await;
import org.lfr.common.InvalidInputException;
import org.lfr.common.NotFoundException;
import org.lfr.watchlist.BulkEnrolmentResult.Status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Enrols many images at once from a zip whose files are named after the subject reference of existing entries
 * ({@code SUBJ-1.jpg} or {@code SUBJ-1/photo.png}). The archive is read as it arrives, one file at a time, within
 * limits on its entries and on its uncompressed size; each photo is checked and stored like a single upload and
 * reported as soon as it is done, in the archive's order. Photos that fail do not stop the others. The faces of the
 * next few photos (one per core) are analysed while a photo is stored, so the cores and the database work together.
 */
@ApplicationScoped
public class BulkEnrolment {

    private static final Logger LOG = Logger.getLogger(BulkEnrolment.class);
    /** What the client is told of a damaged archive: the decoder's own message stays in the log. */
    static final String ARCHIVE_UNREADABLE = "the archive could not be read: it is damaged or not a zip file; the"
            + " photos reported as enrolled are stored";

    private final EnrolmentService enrolment;
    private final WatchlistService watchlists;
    private final EnrolmentLimiter limiter;
    private final WatchlistConfig config;
    private final FaceEnrolment faces;
    private final ExecutorService readers = Infrastructure.getDefaultWorkerPool();
    /** Photos whose analysis may run ahead of the one being stored. */
    private final int lookAhead = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** A photo read from the archive, its entry found, its face being analysed. */
    private record Pending(String file, String subject, UUID entryId, byte[] bytes,
            CompletableFuture<FaceEnrolment.EnrolledFace> analysis) {
    }

    BulkEnrolment(EnrolmentService enrolment, WatchlistService watchlists, EnrolmentLimiter limiter,
            WatchlistConfig config, FaceEnrolment faces) {
        this.enrolment = enrolment;
        this.watchlists = watchlists;
        this.limiter = limiter;
        this.config = config;
        this.faces = faces;
    }

    /**
     * Blocking until the archive is known to be a zip the caller may enrol into (refusals are thrown here, before any
     * progress); then reads it on a worker thread as the returned stream is consumed.
     */
    public Multi<BulkEnrolmentResult> enrol(Actor actor, UUID deploymentId, InputStream body) {
        EnrolmentLimiter.Permit permit = limiter.acquire(actor);
        try {
            Await.result(() -> watchlists.requireMayEditList(actor, AuditAction.ENROLMENT_IMAGE_STORED, deploymentId));
            ZipInputStream zip = new ZipInputStream(PhotoArchive.requireZip(body));
            return Multi.createFrom().<BulkEnrolmentResult>emitter(emitter -> readers.execute(() -> {
                try (zip) {
                    read(actor, deploymentId, zip, emitter);
                } catch (IOException e) {
                    emitter.emit(new BulkEnrolmentResult(0, null, null, Status.STOPPED, ARCHIVE_UNREADABLE));
                    emitter.complete();
                } catch (RuntimeException e) {
                    // an internal message may name tables, hosts or files: it goes to the log, never to the client
                    LOG.errorf(e, "bulk enrolment into deployment %s stopped", deploymentId);
                    emitter.emit(new BulkEnrolmentResult(0, null, null, Status.STOPPED, "the service could not go on"
                            + " (logged); the photos reported as enrolled are stored"));
                    emitter.complete();
                } finally {
                    permit.release();
                }
            }));
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    private void read(Actor actor, UUID deploymentId, ZipInputStream zip, MultiEmitter<? super BulkEnrolmentResult> out) {
        Progress progress = new Progress(actor, deploymentId, out);
        int entries = 0;
        long expanded = 0;
        Map<String, UUID> bySubject = entriesOf(deploymentId);
        try {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null && !out.isCancelled()) {
                if (++entries > config.bulkMaxEntries()) {
                    progress.end(Status.STOPPED, "the archive has more than " + config.bulkMaxEntries() + " entries");
                    return;
                }
                String name = e.getName();
                // read at most one byte past the per-image limit: enough to know it is too large, never more
                byte[] bytes = zip.readNBytes(faces.maxImageBytes() + 1);
                expanded += bytes.length;
                expanded += PhotoArchive.skipAtMost(zip, config.bulkMaxTotalBytes() - expanded + 1);
                if (expanded > config.bulkMaxTotalBytes()) {
                    progress.end(Status.STOPPED, "the archive expands to more than " + config.bulkMaxTotalBytes()
                            + " bytes");
                    return;
                }
                if (!PhotoArchive.isPhoto(e)) {
                    continue;
                }
                String subject = PhotoArchive.subjectOf(name);
                UUID entryId = bySubject.containsKey(subject) ? bySubject.get(subject) : entryOf(deploymentId, subject);
                if (entryId == null) {
                    progress.noEntry(name, subject);
                } else {
                    progress.add(new Pending(name, subject, entryId, bytes,
                            CompletableFuture.supplyAsync(() -> faces.enrol(bytes), readers)));
                }
            }
            progress.end(Status.FINISHED, null);
        } catch (IOException broken) {
            // the photos read before the break are still stored and reported
            LOG.infof("bulk enrolment into deployment %s: archive unreadable (%s)", deploymentId, broken.getMessage());
            progress.end(Status.STOPPED, ARCHIVE_UNREADABLE);
        } finally {
            progress.abandon();
        }
    }

    /**
     * One archive's results, reported in the archive's order: the photos whose faces are being analysed wait here,
     * and are stored oldest first once more than {@link #lookAhead} are ahead.
     */
    private final class Progress {
        private final Actor actor;
        private final UUID deploymentId;
        private final MultiEmitter<? super BulkEnrolmentResult> out;
        private final Deque<Pending> pending = new ArrayDeque<>();
        private int done;

        Progress(Actor actor, UUID deploymentId, MultiEmitter<? super BulkEnrolmentResult> out) {
            this.actor = actor;
            this.deploymentId = deploymentId;
            this.out = out;
        }

        void add(Pending photo) {
            pending.add(photo);
            storeUntil(lookAhead);
        }

        void noEntry(String file, String subject) {
            storeUntil(0);
            emit(new BulkEnrolmentResult(++done, file, subject, Status.NO_ENTRY, null));
        }

        /** Stores what is pending, then the last line: FINISHED, or STOPPED with why. */
        void end(Status status, String reason) {
            storeUntil(0);
            out.emit(new BulkEnrolmentResult(done, null, null, status, reason));
            out.complete();
        }

        /** Analyses nobody will store (the archive failed or the client went away) are not finished. */
        void abandon() {
            pending.forEach(p -> p.analysis().cancel(false));
        }

        private void storeUntil(int left) {
            while (pending.size() > left && !out.isCancelled()) {
                emit(store(actor, pending.poll(), ++done));
            }
        }

        private void emit(BulkEnrolmentResult result) {
            LOG.infof("bulk enrolment of deployment %s: %d %s %s", deploymentId, result.done(), result.status(),
                    result.file());
            out.emit(result);
        }
    }

    /** The list's entries by subject reference, read once; one proposed while the archive is read is looked up. */
    private Map<String, UUID> entriesOf(UUID deploymentId) {
        return Await.result(() -> Panache.withSession(() -> WatchlistEntry.<WatchlistEntry>list("deploymentId",
                deploymentId))).stream().collect(Collectors.toMap(e -> e.subjectReference, e -> e.id));
    }

    private UUID entryOf(UUID deploymentId, String subject) {
        WatchlistEntry entry = Await.result(() -> Panache.withSession(() -> WatchlistEntry.<WatchlistEntry>find(
                "deploymentId = ?1 and subjectReference = ?2", deploymentId, subject).firstResult()));
        return entry == null ? null : entry.id;
    }

    private BulkEnrolmentResult store(Actor actor, Pending p, int done) {
        try {
            Await.result(() -> enrolment.store(actor, p.entryId(), p.bytes(), () -> analysed(p.analysis())));
            return new BulkEnrolmentResult(done, p.file(), p.subject(), Status.ENROLLED, null);
        } catch (InvalidInputException refused) {
            return new BulkEnrolmentResult(done, p.file(), p.subject(), Status.REJECTED,
                    refused.reason() != null ? refused.reason() : refused.getMessage());
        } catch (NotFoundException removed) {
            return new BulkEnrolmentResult(done, p.file(), p.subject(), Status.NO_ENTRY, null);
        }
    }

    /** The analysis's face, or its refusal as thrown by {@link FaceEnrolment#enrol}. */
    private static FaceEnrolment.EnrolledFace analysed(CompletableFuture<FaceEnrolment.EnrolledFace> analysis) {
        try {
            return analysis.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
