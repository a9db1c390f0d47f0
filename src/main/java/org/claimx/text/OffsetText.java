package org.claimx.text;

import org.claimx.model.Span;

/**
 * A normalised text with, for each of its characters, the range of the original text it came from.
 * Spans found in the normalised text map back to spans of the original, so that what a user sees at
 * a claim's span is what they wrote ("47.2\%", not "47.2%").
 */
public final class OffsetText {
    private final String original;
    private final String text;
    private final int[] from;
    private final int[] to;

    OffsetText(String original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** The identity mapping: the text is its own original. */
    public static OffsetText identity(String original) {
        int n = original.length();
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = i;
            to[i] = i + 1;
        }
        return new OffsetText(original, original, from, to);
    }

    public String original() { return original; }

    public String text() { return text; }

    /**
     * The original span that normalised characters [start, end) came from, in code points of the
     * original (see {@link Span}); an empty span maps to an empty one.
     */
    public Span toOriginal(int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IndexOutOfBoundsException("span [" + start + ", " + end + ") outside text of length " + text.length());
        }
        if (start == end) {
            int at = start < text.length() ? from[start] : original.length();
            return Span.ofUtf16(original, at, at);
        }
        return Span.ofUtf16(original, from[start], Math.max(from[start], to[end - 1]));
    }

    int from(int i) { return from[i]; }

    int to(int i) { return to[i]; }
}
