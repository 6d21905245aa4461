package org.lfr.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.audit.AuditAction;
import org.lfr.common.Actor;
import org.lfr.common.Await;
import org.lfr.common.InvalidInputException;
import org.lfr.watchlist.BulkEnrolmentResult.Status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Enrols many images at once from a zip whose files are named after the subject reference of existing entries
 * ({@code SUBJ-1.jpg} or {@code SUBJ-1/photo.png}). The archive is read as it arrives, one file at a time, within
 * limits on its entries and on its uncompressed size; each photo is checked and stored like a single upload and
 * reported as soon as it is done. Photos that fail do not stop the others.
 */
@ApplicationScoped
public class BulkEnrolment {

    private static final Logger LOG = Logger.getLogger(BulkEnrolment.class);

    private final EnrolmentService enrolment;
    private final WatchlistService watchlists;
    private final EnrolmentLimiter limiter;
    private final WatchlistConfig config;
    private final FaceEnrolment faces;
    private final ExecutorService readers = Infrastructure.getDefaultWorkerPool();

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
            ZipInputStream zip = new ZipInputStream(requireZip(body));
            return Multi.createFrom().<BulkEnrolmentResult>emitter(emitter -> readers.execute(() -> {
                try (zip) {
                    read(actor, deploymentId, zip, emitter);
                } catch (IOException | RuntimeException e) {
                    emitter.emit(stopped(0, "the archive could not be read (" + e.getMessage() + ")"));
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

    private void read(Actor actor, UUID deploymentId, ZipInputStream zip, MultiEmitter<? super BulkEnrolmentResult> out)
            throws IOException {
        int entries = 0;
        int done = 0;
        long expanded = 0;
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null && !out.isCancelled()) {
            if (++entries > config.bulkMaxEntries()) {
                out.emit(stopped(done, "the archive has more than " + config.bulkMaxEntries() + " entries"));
                out.complete();
                return;
            }
            String name = e.getName();
            // read at most one byte past the per-image limit: enough to know it is too large, never more
            byte[] bytes = zip.readNBytes(faces.maxImageBytes() + 1);
            expanded += bytes.length;
            expanded += skipAtMost(zip, config.bulkMaxTotalBytes() - expanded + 1);
            if (expanded > config.bulkMaxTotalBytes()) {
                out.emit(stopped(done, "the archive expands to more than " + config.bulkMaxTotalBytes() + " bytes"));
                out.complete();
                return;
            }
            if (e.isDirectory() || name.contains("..") || name.startsWith("__MACOSX")
                    || !name.matches("(?i).*\\.(jpe?g|png)$")) {
                continue;
            }
            BulkEnrolmentResult result = enrolOne(actor, deploymentId, name, bytes, ++done);
            LOG.infof("bulk enrolment of deployment %s: %d %s %s", deploymentId, done, result.status(), name);
            out.emit(result);
        }
        out.emit(new BulkEnrolmentResult(done, null, null, Status.FINISHED, null));
        out.complete();
    }

    private BulkEnrolmentResult enrolOne(Actor actor, UUID deploymentId, String file, byte[] bytes, int done) {
        String subject = subjectOf(file);
        WatchlistEntry entry = Await.result(() -> Panache.withSession(() -> WatchlistEntry.<WatchlistEntry>find(
                "deploymentId = ?1 and subjectReference = ?2", deploymentId, subject).firstResult()));
        if (entry == null) {
            return new BulkEnrolmentResult(done, file, subject, Status.NO_ENTRY, null);
        }
        try {
            Await.result(() -> enrolment.store(actor, entry.id, bytes));
            return new BulkEnrolmentResult(done, file, subject, Status.ENROLLED, null);
        } catch (InvalidInputException refused) {
            return new BulkEnrolmentResult(done, file, subject, Status.REJECTED,
                    refused.reason() != null ? refused.reason() : refused.getMessage());
        }
    }

    /** Skips the rest of an entry, but no more than {@code budget} bytes of it (a zip bomb stops here). */
    private static long skipAtMost(InputStream in, long budget) throws IOException {
        long skipped = 0;
        while (skipped < budget) {
            long n = in.skip(Math.min(budget - skipped, 1 << 20));
            if (n <= 0) {
                break;
            }
            skipped += n;
        }
        return skipped;
    }

    private static BulkEnrolmentResult stopped(int done, String why) {
        return new BulkEnrolmentResult(done, null, null, Status.STOPPED, why);
    }

    /** A zip starts with a local file header ("PK\3\4"); anything else is refused before any work. */
    private static InputStream requireZip(InputStream body) {
        PushbackInputStream in = new PushbackInputStream(body, 4);
        try {
            byte[] head = in.readNBytes(4);
            if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                throw InvalidInputException.of("zip", head.length == 0 ? "the body is empty" : "not a zip archive");
            }
            in.unread(head);
            return in;
        } catch (IOException e) {
            throw InvalidInputException.of("zip", "the body could not be read (" + e.getMessage() + ")");
        }
    }

    static String subjectOf(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 2) {
            return parts[parts.length - 2];
        }
        return parts[0].replaceFirst("\\.[^.]+$", "");
    }
}
