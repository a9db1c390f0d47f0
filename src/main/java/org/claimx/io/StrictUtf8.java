package org.claimx.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses invalid input instead of replacing it: a replaced byte would silently
 * change the text that claim spans point into. One instance per reader (a decoder is stateful).
 */
final class StrictUtf8 {
    /** Bytes that are not valid UTF-8; {@code offset} is where the first bad sequence starts. */
    static final class InvalidUtf8 extends Exception {
        private static final long serialVersionUID = 1L;

        final int offset;

        InvalidUtf8(int offset) {
            super("invalid UTF-8 at byte " + offset);
            this.offset = offset;
        }
    }

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    String decode(byte[] bytes, int off, int len) throws InvalidUtf8 {
        ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
        // UTF-8 never needs more chars than bytes, so one pass fills the buffer.
        CharBuffer out = CharBuffer.allocate(len);
        decoder.reset();
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) throw new InvalidUtf8(in.position() - off);
        out.flip();
        return out.toString();
    }

    String decode(byte[] bytes) throws InvalidUtf8 {
        return decode(bytes, 0, bytes.length);
    }
}
