package org.claimx.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The first bytes of a source (decompressed, byte-order mark removed), for telling formats apart by
 * content. At most {@link #SIZE} bytes; fewer when the source is shorter.
 */
public final class Head {
    /** How much of a source format detection may look at. */
    public static final int SIZE = 16 * 1024;

    private final byte[] bytes;

    public Head(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** The first byte that is not ASCII whitespace, or -1 when there is none. */
    public int firstNonBlank() {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') return b & 0xff;
        }
        return -1;
    }

    /**
     * The head as text, for looking at only: invalid bytes (and a character cut at the end) are
     * replaced, which is harmless here because readers decode the content strictly themselves.
     */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The head's lines, stripped. The last one may be cut short. */
    public List<String> lines() {
        return text().lines().map(String::strip).toList();
    }

    public int length() {
        return bytes.length;
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }
}
