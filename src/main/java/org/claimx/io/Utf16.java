package org.claimx.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16 with a byte-order mark (what Windows tools write as "Unicode") is turned into UTF-8 as it is
 * read, so that every reader sees UTF-8 as it expects; without the mark a file is taken as UTF-8.
 * A broken UTF-16 sequence is an IOException naming the byte, which ends that source with one error.
 */
final class Utf16 {
    private Utf16() {}

    /** {@code in}, decoded from UTF-16 to UTF-8 when it starts with a UTF-16 byte-order mark. */
    static InputStream decodeIfMarked(InputStream in) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(2);
        int b1 = b.read();
        int b2 = b.read();
        b.reset();
        boolean le = b1 == 0xff && b2 == 0xfe;
        boolean be = b1 == 0xfe && b2 == 0xff;
        if (!le && !be) return b;
        b.skip(2);
        return new Transcoding(b, le);
    }

    private static final class Transcoding extends InputStream {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        private final ByteBuffer raw = ByteBuffer.allocate(8192);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer out = ByteBuffer.allocate(3 * 8192);
        private long offset = 2;
        private boolean eof;

        Transcoding(InputStream in, boolean littleEndian) {
            this.in = in;
            this.decoder = (littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            out.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (!out.hasRemaining()) {
                if (eof && raw.position() == 0) return -1;
                fill();
            }
            int n = Math.min(len, out.remaining());
            out.get(b, off, n);
            return n;
        }

        private void fill() throws IOException {
            if (!eof) {
                int n = in.read(raw.array(), raw.position(), raw.remaining());
                if (n < 0) eof = true;
                else raw.position(raw.position() + n);
            }
            raw.flip();
            int before = raw.position();
            CoderResult r = decoder.decode(raw, chars, eof);
            offset += raw.position() - before;
            if (r.isError()) throw new CharacterCodingException() {
                @Override
                public String getMessage() {
                    return "invalid UTF-16 at byte " + offset;
                }
            };
            if (eof && raw.hasRemaining()) throw new IOException("invalid UTF-16 at byte " + offset + ": the file ends in the middle of a character");
            raw.compact();
            chars.flip();
            out.clear();
            encoder.encode(chars, out, false);
            chars.compact();
            out.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
