package org.claimx.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed split of gold papers, by paper id: one paper in five (by a salted SHA-1 of its id) is
 * validation, never trained on; the rest are training papers, cut into folds for cross-validation
 * by the same hash. A paper keeps its side when the gold grows.
 */
public final class Split {
    private static final String SEED = "claimx-split-1:";

    private Split() {}

    public static boolean isValidation(String paperId) {
        return bucket(paperId) % 5 == 0;
    }

    /** The cross-validation fold (0..k-1) of a training paper. */
    public static int fold(String paperId, int k) {
        return (int) ((bucket(paperId) / 5) % k);
    }

    private static long bucket(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest((SEED + id).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 6; i++) v = (v << 8) | (h[i] & 0xff);
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
