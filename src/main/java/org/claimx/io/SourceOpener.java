package org.claimx.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipException;

/**
 * Turns one command-line input (a path, or {@code -} for standard input) into an {@link InputSource}
 * plus its {@link Head}: checks that the path is a readable file, opens it, decompresses gzip when the
 * content starts with the gzip magic bytes (whatever the file is called), and drops a UTF-8
 * byte-order mark. A failure of the stream while peeking at the head is not lost: it is raised on the
 * first read past the bytes peeked, so the reader still gets every record before it.
 */
final class SourceOpener {
    static final String STDIN = "-";
    static final String STDIN_NAME = "<stdin>";
    /** File name of standard input: the paper id when standard input is one text abstract. */
    static final String STDIN_FILE_NAME = "stdin";

    private static final int BUFFER = 64 * 1024;

    /** An opened source: what readers get, the head for detection, and whether it is gzip. */
    record Opened(InputSource source, Head head, boolean gzip) {}

    private SourceOpener() {}

    /** The size in bytes of {@code arg} as stored (compressed, for gzip); -1 for standard input. */
    static long size(String arg) {
        if (arg.equals(STDIN)) return -1;
        try {
            Path p = path(arg);
            // A pipe or device has no size known in advance (Files.size says 0).
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Checks, before anything is read, that {@code arg} names something readable that is not a
     * directory: a file, or a pipe or device ({@code <(...)}, {@code /dev/stdin}), which is read like one.
     */
    static void check(String arg) {
        if (arg.equals(STDIN)) return;
        Path p = path(arg);
        if (Files.isDirectory(p)) throw new InputException("input is a directory, not a file: " + arg);
        if (!Files.exists(p)) throw new InputException("no such input file: " + arg);
        if (!Files.isReadable(p)) throw new InputException("input file is not readable: " + arg);
    }

    /**
     * Opens {@code arg}. A file that cannot be opened is an {@link InputException}; a gzip file whose
     * header is broken is an {@link IOException}, which the caller reports as a ReadError.
     */
    static Opened open(String arg, InputStream stdin, AtomicLong consumed) throws IOException {
        boolean isStdin = arg.equals(STDIN);
        String name = isStdin ? STDIN_NAME : arg;
        String fileName = isStdin ? STDIN_FILE_NAME : fileName(arg);
        return open(name, fileName, isStdin ? new NonClosing(stdin) : openFile(arg), consumed);
    }

    /**
     * As {@link #open(String, InputStream, AtomicLong)}, for a stream the caller has opened itself
     * (a file of another file system, such as a Spark job's input), named {@code name} in messages.
     * Closing the source closes {@code stream}.
     */
    static Opened open(String name, String fileName, InputStream stream, AtomicLong consumed) throws IOException {
        InputStream raw = new Counting(stream, consumed);
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            boolean gzip = isGzip(buffered);
            InputStream content = gzip ? new GzipMembers(buffered, BUFFER) : buffered;
            content = Utf16.decodeIfMarked(content);
            Peeked peeked = Peeked.of(content);
            return new Opened(new InputSource(name, fileName, peeked), peeked.head(), gzip);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The one-line reason for a stream that broke while being read. */
    static String reason(IOException e, boolean gzip) {
        String msg = JsonlReader.oneLine(e.getMessage());
        if (gzip && e instanceof EOFException) return "gzip data ends early (truncated file): " + msg;
        if (gzip && e instanceof ZipException) return "corrupt gzip data: " + msg;
        return "read failed: " + (msg.isEmpty() ? e.getClass().getSimpleName() : msg);
    }

    private static InputStream openFile(String arg) {
        try {
            Path p = path(arg);
            // A pipe (<(...), /dev/stdin) is read as a stream: a file channel over it fails with "Illegal seek".
            return Files.isRegularFile(p) ? Files.newInputStream(p) : new java.io.FileInputStream(p.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            if (e instanceof java.io.FileNotFoundException && Files.exists(path(arg))) {
                throw new InputException("input file is not readable: " + arg, e);
            }
            throw new InputException("no such input file: " + arg, e);
        } catch (AccessDeniedException e) {
            throw new InputException("input file is not readable: " + arg, e);
        } catch (IOException e) {
            throw new InputException("cannot open input file " + arg + ": " + JsonlReader.oneLine(e.getMessage()), e);
        }
    }

    private static Path path(String arg) {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            throw new InputException("not a valid path: " + arg, e);
        }
    }

    private static String fileName(String arg) {
        Path name = path(arg).getFileName();
        return name == null ? arg : name.toString();
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** The content with its head read ahead; a failure met while reading ahead is raised in turn. */
    private static final class Peeked extends InputStream {
        private final byte[] head;
        private int pos;
        private final InputStream rest;
        private final IOException failure;

        private final Head view;

        private Peeked(byte[] head, int start, InputStream rest, IOException failure) {
            this.head = head;
            this.pos = start;
            this.view = new Head(Arrays.copyOfRange(head, start, Math.min(head.length, start + Head.SIZE)));
            this.rest = rest;
            this.failure = failure;
        }

        static Peeked of(InputStream in) {
            byte[] buf = new byte[Head.SIZE + 3];
            int n = 0;
            IOException failure = null;
            try {
                int r;
                while (n < buf.length && (r = in.read(buf, n, buf.length - n)) >= 0) n += r;
            } catch (IOException e) {
                // Not handled here: raised to the reader once it has consumed the bytes before it.
                failure = e;
            }
            byte[] head = Arrays.copyOf(buf, n);
            boolean bom = n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
            return new Peeked(head, bom ? 3 : 0, in, failure);
        }

        Head head() {
            return view;
        }

        @Override
        public int read() throws IOException {
            if (pos < head.length) return head[pos++] & 0xff;
            if (failure != null) throw failure;
            return rest.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (pos < head.length) {
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                return n;
            }
            if (failure != null) throw failure;
            return rest.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    /** Standard input belongs to the caller: reading it must not close it. */
    /** Adds the bytes read through it to a counter that another thread may read (for progress). */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong consumed;

        Counting(InputStream in, AtomicLong consumed) {
            super(in);
            this.consumed = consumed;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) consumed.incrementAndGet();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) consumed.addAndGet(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            if (k > 0) consumed.addAndGet(k);
            return k;
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // Deliberately left open: the process, not the reader, owns standard input.
        }
    }
}
