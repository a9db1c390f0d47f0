package org.claimx.nlp;

import java.util.BitSet;

/**
 * Which characters a text holds, for a quick "can a match begin anywhere here?": ASCII as two bit
 * masks, anything else as a set made only when the text has such characters. A rule whose first
 * characters ({@link FirstChars}) the text does not hold has no match in it, and need not be tried.
 */
final class CharsPresent {
    private long lo;
    private long hi;
    private BitSet other;

    private CharsPresent() {}

    static CharsPresent of(String text) {
        CharsPresent p = new CharsPresent();
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 64) {
                p.lo |= 1L << c;
            } else if (c < 128) {
                p.hi |= 1L << (c - 64);
            } else {
                if (p.other == null) p.other = new BitSet();
                p.other.set(c);
            }
        }
        return p;
    }

    /** Whether the text holds any of {@code chars}. */
    boolean any(Set chars) {
        return (lo & chars.lo) != 0 || (hi & chars.hi) != 0 || other != null && chars.other != null && other.intersects(chars.other);
    }

    /** A set of characters (a {@link FirstChars} answer) in the form {@link #any} reads. */
    static final class Set {
        private final long lo;
        private final long hi;
        private final BitSet other;

        Set(BitSet chars) {
            long[] words = chars.get(0, 128).toLongArray();
            lo = words.length > 0 ? words[0] : 0;
            hi = words.length > 1 ? words[1] : 0;
            BitSet rest = (BitSet) chars.clone();
            rest.clear(0, 128);
            other = rest.isEmpty() ? null : rest;
        }
    }
}
