package org.claimx.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so that each line can be decoded strictly on
 * its own and one bad line costs one record, not the rest of the file. A line ends at {@code \n}; a
 * {@code \r} before it is dropped; a last line without a terminator still counts. Holds one buffer
 * and one line in memory, never the whole stream.
 *
 * <p>A line longer than {@code maxLine} bytes is not kept: it comes back {@link Line#tooLong() too
 * long} with no bytes, and reading goes on after its end.
 */
final class ByteLines {
    /** A line's bytes without terminator, its 1-based number, and whether it was over the limit. */
    record Line(byte[] bytes, long number, boolean tooLong) {
        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\f') return false;
            }
            return !tooLong;
        }
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int lineLen;
    private long number;

    ByteLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The number of the last line returned (0 before the first). */
    long number() {
        return number;
    }

    /** The next line, or {@code null} at the end of the stream. */
    Line next() throws IOException {
        lineLen = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (!any) return null;
                    return finish(tooLong);
                }
            }
            any = true;
            int start = pos;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') { nl = i; break; }
            }
            int end = nl < 0 ? limit : nl;
            if (!tooLong) {
                if ((long) lineLen + (end - start) > maxLine) {
                    tooLong = true;
                    lineLen = 0;
                } else {
                    append(start, end - start);
                }
            }
            if (nl >= 0) {
                pos = nl + 1;
                return finish(tooLong);
            }
            pos = limit;
        }
    }

    private Line finish(boolean tooLong) {
        number++;
        if (tooLong) return new Line(new byte[0], number, true);
        int len = lineLen;
        if (len > 0 && line[len - 1] == '\r') len--;
        return new Line(Arrays.copyOf(line, len), number, false);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void append(int from, int len) {
        if (lineLen + len > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + len));
        }
        System.arraycopy(buf, from, line, lineLen, len);
        lineLen += len;
    }
}
