package org.claimx.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Ids for papers whose source gives none: the first 12 hex digits of the SHA-1 of the title (UTF-8), as in corpus/README.md. */
public final class PaperIds {
    private PaperIds() {}

    public static String fromTitle(String title) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(title.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest spec), so this cannot happen.
            throw new IllegalStateException("SHA-1 not available", e);
        }
    }
}
