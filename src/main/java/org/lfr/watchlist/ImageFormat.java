package org.lfr.watchlist;

import java.util.Optional;

/** Recognises the two accepted image formats by their signature bytes, never by a client's claim. */
public enum ImageFormat {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    public final String contentType;
    private final byte[] signature;

    ImageFormat(String contentType, byte[] signature) {
        this.contentType = contentType;
        this.signature = signature;
    }

    public static Optional<ImageFormat> sniff(byte[] data) {
        for (ImageFormat f : values()) {
            if (data.length >= f.signature.length && startsWith(data, f.signature)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
