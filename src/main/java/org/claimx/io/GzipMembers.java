package org.claimx.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Gzip data of one or more members (RFC 1952), as {@code cat a.gz b.gz} makes. Unlike
 * {@link java.util.zip.GZIPInputStream}, which ends quietly at anything after a member that is not
 * another member, bytes after the last member are a {@link ZipException} ("data after the end of
 * the gzip data"), raised once everything before them has been read: they may be records.
 */
final class GzipMembers extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final PushbackInputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf;
    private int lastInput;
    private boolean inMember;
    private boolean eof;

    /** Reads the first member's header; a broken one is an IOException. */
    GzipMembers(InputStream raw, int bufferSize) throws IOException {
        this.buf = new byte[bufferSize];
        this.in = new PushbackInputStream(raw, bufferSize);
        if (in.read() != 0x1f || in.read() != 0x8b) throw new ZipException("Not in GZIP format");
        header();
        inMember = true;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // inflate may give nothing for a call; ask again
        }
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!eof) {
            if (!inMember) {
                if (!nextMember()) {
                    eof = true;
                    return -1;
                }
                continue;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(e.getMessage() == null ? "invalid compressed data" : e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                int rest = inflater.getRemaining();
                if (rest > 0) in.unread(buf, lastInput - rest, rest);
                trailer();
                inMember = false;
            } else if (inflater.needsDictionary()) {
                throw new ZipException("gzip data asks for a preset dictionary");
            } else if (inflater.needsInput()) {
                int r = in.read(buf, 0, buf.length);
                if (r < 0) throw new EOFException("Unexpected end of ZLIB input stream");
                inflater.setInput(buf, 0, r);
                lastInput = r;
            }
        }
        return -1;
    }

    /** After a member: end of data, another member, or data that is neither. */
    private boolean nextMember() throws IOException {
        int b1 = in.read();
        if (b1 < 0) return false;
        int b2 = in.read();
        if (b1 != 0x1f || b2 != 0x8b) {
            throw new ZipException("data after the end of the gzip data that is not another gzip member"
                    + " (text appended to a .gz file?)");
        }
        header();
        inflater.reset();
        crc.reset();
        inMember = true;
        return true;
    }

    /** The rest of a member header, after the two magic bytes. */
    private void header() throws IOException {
        if (byteOf() != 8) throw new ZipException("Unsupported compression method");
        int flags = byteOf();
        skip(6);
        if ((flags & FEXTRA) != 0) skip(byteOf() | byteOf() << 8);
        if ((flags & FNAME) != 0) while (byteOf() != 0) { /* file name */ }
        if ((flags & FCOMMENT) != 0) while (byteOf() != 0) { /* comment */ }
        if ((flags & FHCRC) != 0) skip(2);
    }

    private void trailer() throws IOException {
        long crcRead = intOf();
        long size = intOf();
        if (crcRead != crc.getValue()) throw new ZipException("Corrupt GZIP trailer (CRC mismatch)");
        if (size != (inflater.getBytesWritten() & 0xffffffffL)) throw new ZipException("Corrupt GZIP trailer (size mismatch)");
    }

    private long intOf() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) v |= (long) byteOf() << (8 * i);
        return v;
    }

    private int byteOf() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("Unexpected end of gzip header or trailer");
        return b;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) byteOf();
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
