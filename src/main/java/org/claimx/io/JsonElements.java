package org.claimx.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits the top-level array of a JSON document into its elements' bytes without parsing them, so
 * that each element is parsed on its own and one bad or huge element costs one record, not the rest
 * of the array. Tracks strings and escapes, so brackets and commas inside strings do not count. An
 * element over {@code maxBytes} is not kept: it is read to its end and comes back {@link
 * Element#tooBig()} with its size. Holds one element in memory.
 */
final class JsonElements {
    /** One element: its bytes, the line it starts on, its size in bytes, and whether it was over the limit. */
    record Element(byte[] bytes, long line, long size, boolean tooBig) {}

    /** The array's syntax around the elements is broken (missing comma, unclosed array). */
    static final class Broken extends IOException {
        final long line;

        Broken(String message, long line) {
            super(message);
            this.line = line;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private long line;
    private boolean closed;
    private boolean first = true;
    private int pushed = -1;

    /** {@code in} is just past the array's opening bracket, which stands on {@code line}. */
    JsonElements(InputStream in, int maxBytes, long line) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.line = line;
    }

    /** The line reached so far. */
    long line() {
        return line;
    }

    /** The next element, or null after the closing bracket. */
    Element next() throws IOException {
        if (closed) return null;
        int c = skipBlank();
        if (c == ']' && first) {
            closed = true;
            return null;
        }
        if (!first) {
            if (c == ']') {
                closed = true;
                return null;
            }
            if (c != ',') {
                closed = true;
                throw new Broken(c < 0 ? "the array is not closed before the end of the file" : "expected ',' or ']' between array elements, found '" + (char) c + "'", line);
            }
            c = skipBlank();
        }
        first = false;
        if (c < 0) {
            closed = true;
            throw new Broken("the array is not closed before the end of the file", line);
        }
        return element(c);
    }

    private Element element(int c) throws IOException {
        long start = line;
        byte[] buf = new byte[256];
        int len = 0;
        long size = 0;
        int depth = 0;
        boolean inString = false;
        boolean escape = false;
        while (c >= 0) {
            if (!inString && depth == 0 && (c == ',' || c == ']')) {
                pushed = c;
                break;
            }
            if (c == '\n') line++;
            size++;
            if (size <= maxBytes) {
                if (len == buf.length) buf = Arrays.copyOf(buf, Math.min(Math.max(16, len * 2), Math.max(maxBytes, 16)));
                buf[len++] = (byte) c;
            }
            if (inString) {
                if (escape) escape = false;
                else if (c == '\\') escape = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) break;
            }
            c = in.read();
        }
        boolean tooBig = size > maxBytes;
        return new Element(tooBig ? new byte[0] : Arrays.copyOf(buf, len), start, size, tooBig);
    }

    private int skipBlank() throws IOException {
        int c = pushed >= 0 ? pushed : in.read();
        pushed = -1;
        while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (c == '\n') line++;
            c = in.read();
        }
        return c;
    }
}
