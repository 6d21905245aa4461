package org.lfr.watchlist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.common.Actor;
import org.lfr.common.InvalidInputException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Enrols many images at once from a zip whose files are named after the subject reference of existing entries
 * ({@code SUBJ-1.jpg} or {@code SUBJ-1/photo.png}); each file is checked and stored like a single upload, and
 * reported as soon as it is done. Files that fail do not stop the others.
 */
@ApplicationScoped
public class BulkEnrolment {

    private static final Logger LOG = Logger.getLogger(BulkEnrolment.class);

    private final EnrolmentService enrolment;

    BulkEnrolment(EnrolmentService enrolment) {
        this.enrolment = enrolment;
    }

    public Multi<BulkEnrolmentResult> enrol(Actor actor, UUID deploymentId, byte[] zip) {
        List<Map.Entry<String, byte[]>> files = unzip(zip);
        int total = files.size();
        AtomicInteger done = new AtomicInteger();
        return Multi.createFrom().iterable(files).onItem().transformToUniAndConcatenate(file -> {
            String subject = subjectOf(file.getKey());
            return Panache.withSession(() -> WatchlistEntry.<WatchlistEntry>find(
                    "deploymentId = ?1 and subjectReference = ?2", deploymentId, subject).firstResult())
                    .chain(entry -> entry == null
                            ? Uni.createFrom().item(new BulkEnrolmentResult(done.incrementAndGet(), total,
                                    file.getKey(), subject, "NO_ENTRY", null))
                            : enrolment.storeImage(actor, entry.id, file.getValue())
                                    .map(v -> new BulkEnrolmentResult(done.incrementAndGet(), total, file.getKey(),
                                            subject, "ENROLLED", null))
                                    .onFailure(InvalidInputException.class).recoverWithItem(e ->
                                            new BulkEnrolmentResult(done.incrementAndGet(), total, file.getKey(),
                                                    subject, "REJECTED", e instanceof EnrolmentRejectedException r
                                                            ? r.reason().name() : e.getMessage())));
        }).invoke(r -> LOG.infof("bulk enrolment of deployment %s: %d/%d %s %s", deploymentId, r.done(), r.total(),
                r.status(), r.file()));
    }

    static String subjectOf(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 2) {
            return parts[parts.length - 2];
        }
        return parts[0].replaceFirst("\\.[^.]+$", "");
    }

    private static List<Map.Entry<String, byte[]>> unzip(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw InvalidInputException.of("zip", "the body is empty");
        }
        List<Map.Entry<String, byte[]>> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory() || name.contains("..") || name.startsWith("__MACOSX")
                        || !name.matches("(?i).*\\.(jpe?g|png)$")) {
                    continue;
                }
                files.add(Map.entry(name, in.readNBytes(10 * 1024 * 1024 + 1)));
            }
        } catch (IOException ex) {
            throw InvalidInputException.of("zip", "not a readable zip archive (" + ex.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw InvalidInputException.of("zip", "no JPEG or PNG files in the archive");
        }
        return files;
    }
}
