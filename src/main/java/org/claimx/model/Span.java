package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Character offsets [start, end) into a field's original text, counted in Unicode code points (as
 * Python and the reference scorer count them, so that a character outside the BMP counts once).
 * Written as a two-element array.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"start", "end"})
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end: [" + start + ", " + end + ")");
        }
    }

    public int length() { return end - start; }

    /** The text this span holds in {@code text}. */
    public String of(String text) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }

    /** The span of UTF-16 offsets [from, to) of {@code text}, in code points. */
    public static Span ofUtf16(String text, int from, int to) {
        int start = text.codePointCount(0, from);
        return new Span(start, start + text.codePointCount(from, to));
    }
}
