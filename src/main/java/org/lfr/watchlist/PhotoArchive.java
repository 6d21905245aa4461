package org.lfr.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.ZipEntry;

import org.lfr.common.InvalidInputException;

/**
 * The format of a bulk-enrolment archive: a zip whose photos ({@code .jpg}, {@code .jpeg}, {@code .png}) are named
 * after an entry's subject reference, {@code SUBJ-1.jpg} or {@code SUBJ-1/photo.png}.
 */
final class PhotoArchive {

    private PhotoArchive() {
    }

    /** A zip starts with a local file header ("PK\3\4"); anything else is refused before any work. */
    static InputStream requireZip(InputStream body) {
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

    /** A photo to enrol: not a folder, no path climbing out, no macOS metadata, a JPEG or PNG by its name. */
    static boolean isPhoto(ZipEntry e) {
        String name = e.getName();
        return !e.isDirectory() && !name.contains("..") && !name.startsWith("__MACOSX")
                && name.matches("(?i).*\\.(jpe?g|png)$");
    }

    /** Skips the rest of an entry, but no more than {@code budget} bytes of it (a zip bomb stops here). */
    static long skipAtMost(InputStream in, long budget) throws IOException {
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

    static String subjectOf(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 2) {
            return parts[parts.length - 2];
        }
        return parts[0].replaceFirst("\\.[^.]+$", "");
    }
}
