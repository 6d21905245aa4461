package org.lfr.recognition.pipeline.image;

import java.util.Optional;

/**
 * What an image claims to be, read from its first bytes without decoding it: JPEG or PNG (by signature, never by a
 * client's content type) and its declared width and height, so that an image too large to decode safely is refused
 * before any pixel is allocated.
 */
public record ImageHeader(Format format, int width, int height) {

    public enum Format {
        JPEG("image/jpeg"), PNG("image/png");

        public final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The header, or empty when the bytes are not a JPEG or PNG whose dimensions can be read. */
    public static Optional<ImageHeader> read(byte[] data) {
        if (data == null || data.length < 24) {
            return Optional.empty();
        }
        if (u8(data, 0) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G' && u8(data, 4) == 0x0D
                && u8(data, 5) == 0x0A && u8(data, 6) == 0x1A && u8(data, 7) == 0x0A) {
            // the first chunk is IHDR: length (4), "IHDR" (4), width (4), height (4)
            if (data[12] != 'I' || data[13] != 'H' || data[14] != 'D' || data[15] != 'R') {
                return Optional.empty();
            }
            return of(Format.PNG, (int) u32(data, 16), (int) u32(data, 20));
        }
        if (u8(data, 0) == 0xFF && u8(data, 1) == 0xD8 && u8(data, 2) == 0xFF) {
            return jpeg(data);
        }
        return Optional.empty();
    }

    /** Walks the JPEG markers to the first start-of-frame, which declares the size. */
    private static Optional<ImageHeader> jpeg(byte[] d) {
        int i = 2;
        while (i + 9 < d.length) {
            if (u8(d, i) != 0xFF) {
                return Optional.empty();
            }
            int marker = u8(d, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = (u8(d, i + 2) << 8) | u8(d, i + 3);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                int height = (u8(d, i + 5) << 8) | u8(d, i + 6);
                int width = (u8(d, i + 7) << 8) | u8(d, i + 8);
                return of(Format.JPEG, width, height);
            }
            if (marker == 0xD9 || marker == 0xDA || length < 2) {
                return Optional.empty(); // end of image or scan data before any frame header
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<ImageHeader> of(Format format, int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new ImageHeader(format, width, height)) : Optional.empty();
    }

    private static int u8(byte[] d, int i) {
        return d[i] & 0xFF;
    }

    private static long u32(byte[] d, int i) {
        return ((long) u8(d, i) << 24) | (u8(d, i + 1) << 16) | (u8(d, i + 2) << 8) | u8(d, i + 3);
    }
}
