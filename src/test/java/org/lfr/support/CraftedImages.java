package org.lfr.support;

import java.nio.ByteBuffer;

/** Inputs made to hit a limit: headers that promise more than they deliver. */
public final class CraftedImages {

    private CraftedImages() {
    }

    /** The first bytes of a PNG that declares the given size (its pixels never follow). */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        b.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        b.put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
        return b.array();
    }
}
