package org.claimx.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.claimx.model.Paper;

/**
 * The one way in: reads the given inputs in order and yields their records lazily, one at a time,
 * as {@link PaperRecord}s and {@link ReadError}s. Files are opened one after another as the iterator
 * reaches them, and each reader streams, so memory stays flat on large inputs (apart from the set of
 * ids seen, below).
 *
 * <ul>
 *   <li>Inputs: paths, or {@code -} for standard input; none means standard input. All paths are
 *       checked when opening, before any record is read: a missing, unreadable or directory input
 *       is an {@link InputException}.</li>
 *   <li>Each source is gunzipped when it starts with the gzip magic bytes and its format is the
 *       forced one, or else detected from its first bytes ({@link InputFormat#detect}).</li>
 *   <li>A source whose stream breaks (a truncated gzip file) gives one ReadError naming the source
 *       and line; the records before it have already been yielded, and reading goes on with the
 *       next source.</li>
 *   <li>Papers are kept once per id over the whole run, the first occurrence winning: the same
 *       page paper stands on several pages. A repeat with another title or abstract is a ReadError,
 *       since the two cannot both be that id.</li>
 * </ul>
 *
 * <p>Not thread-safe. Close it (try-with-resources) to release the open file when stopping early.
 */
public final class PaperInput implements Iterator<InputRecord>, Closeable {
    private final List<String> inputs;
    private final InputFormat forced;
    private final InputStream stdin;
    private int nextInput;

    private SourceOpener.Opened current;
    private PaperReader.Cursor cursor;
    private InputRecord pending;

    /**
     * Per id: a SHA-256 digest of title and abstract, and where it was first seen, to tell repeats
     * from clashes. A digest, not the text, keeps memory at 32 bytes a paper; unlike a 32-bit hash
     * (where "Aa" and "BB" collide) two texts that differ never compare equal in practice.
     */
    private record Seen(ByteKey content, String source, long line) {}

    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && java.util.Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }

    private static ByteKey digest(Paper p) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(p.title().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(p.abstractText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new ByteKey(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private final Map<String, Seen> seen = new HashMap<>();
    private final AtomicLong consumed = new AtomicLong();
    private int sources;
    private long records;
    private long papers;
    private long errors;
    private long duplicates;

    private final ReadOptions options;

    /** The one source of {@link #open(String, String, InputStream, InputFormat, ReadOptions)}, opened by the caller; else null. */
    private final String givenFileName;
    private final InputStream given;

    private PaperInput(List<String> inputs, InputFormat forced, InputStream stdin, ReadOptions options) {
        this(inputs, forced, stdin, options, null, null);
    }

    private PaperInput(List<String> inputs, InputFormat forced, InputStream stdin, ReadOptions options,
                       String givenFileName, InputStream given) {
        this.inputs = inputs;
        this.forced = forced;
        this.stdin = stdin;
        this.options = options;
        this.givenFileName = givenFileName;
        this.given = given;
    }

    /**
     * One source that the caller has opened (a file of another file system: HDFS or S3 in a Spark
     * job), read exactly as a file given on the command line is: gzip and byte-order marks, format
     * detection (or {@code forced}), the same readers and checks. {@code name} names it in
     * messages ({@code FILE:LINE}), {@code fileName} is the id a text abstract takes. Closing the
     * input closes {@code stream}.
     */
    public static PaperInput open(String name, String fileName, InputStream stream, InputFormat forced, ReadOptions options) {
        java.util.Objects.requireNonNull(stream, "stream");
        return new PaperInput(List.of(name), forced, InputStream.nullInputStream(), options == null ? ReadOptions.DEFAULT : options,
                fileName, stream);
    }

    /**
     * Opens {@code inputs} (paths or {@code -}; empty means standard input) in format {@code forced},
     * or detected per source when {@code forced} is null. Reads nothing yet.
     *
     * @throws InputException if an input is missing, a directory, unreadable, or {@code -} is given twice
     */
    public static PaperInput open(List<String> inputs, InputFormat forced) {
        return open(inputs, forced, System.in);
    }

    /** As {@link #open(List, InputFormat)}, with {@code stdin} standing for standard input. */
    public static PaperInput open(List<String> inputs, InputFormat forced, InputStream stdin) {
        return open(inputs, forced, stdin, ReadOptions.DEFAULT);
    }

    /** As {@link #open(List, InputFormat, InputStream)}, reading with {@code options}. */
    public static PaperInput open(List<String> inputs, InputFormat forced, InputStream stdin, ReadOptions options) {
        List<String> list = inputs == null || inputs.isEmpty() ? List.of(SourceOpener.STDIN) : List.copyOf(inputs);
        Set<String> stdinSeen = new HashSet<>();
        for (String arg : list) {
            if (arg.equals(SourceOpener.STDIN) && !stdinSeen.add(arg)) {
                throw new InputException("standard input (-) given more than once");
            }
            SourceOpener.check(arg);
        }
        return new PaperInput(list, forced, stdin, options);
    }

    /**
     * {@inheritDoc}
     *
     * @throws InputException if a file checked at open time can no longer be opened
     */
    @Override
    public boolean hasNext() {
        while (pending == null) {
            InputRecord r = pull();
            if (r == null) return false;
            pending = account(r);
        }
        return true;
    }

    @Override
    public InputRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        InputRecord r = pending;
        pending = null;
        return r;
    }

    /** Counts so far; final once {@link #hasNext()} has returned false. */
    public ReadStats stats() {
        return new ReadStats(sources, records, papers, errors, duplicates);
    }

    /**
     * How far reading has got, for a progress display: bytes taken from the inputs as stored, and
     * their total size, or -1 when it cannot be known (standard input). Safe to call from any thread.
     */
    public long bytesRead() { return consumed.get(); }

    /** The total stored size of the inputs, or -1 when one is standard input. */
    public long bytesTotal() {
        if (given != null) return -1;
        long total = 0;
        for (String arg : inputs) {
            long n = SourceOpener.size(arg);
            if (n < 0) return -1;
            total += n;
        }
        return total;
    }

    /** The records as a sequential stream; closing the stream closes this input. */
    public Stream<InputRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        boolean opened = nextInput > 0;
        nextInput = inputs.size();
        pending = null;
        if (given != null && !opened) given.close();
        if (current != null) {
            InputSource s = current.source();
            current = null;
            cursor = null;
            s.stream().close();
        }
    }

    /** The next raw record from the sources, opening and closing them as needed; null when all are read. */
    private InputRecord pull() {
        while (true) {
            if (cursor == null) {
                if (nextInput >= inputs.size()) return null;
                String arg = inputs.get(nextInput++);
                sources++;
                ReadError openError = openSource(arg);
                if (openError != null) return openError;
            }
            try {
                InputRecord r = cursor.next();
                if (r != null) return r;
                ReadError closeError = closeSource();
                if (closeError != null) return closeError;
            } catch (IOException e) {
                String reason = SourceOpener.reason(e, current.gzip());
                ReadError broken = new ReadError(current.source().name(), cursor.position(), reason);
                ReadError closeError = closeSource();
                // Both failures are reported: the read failure first, as the cause of the two.
                return closeError == null ? broken
                        : new ReadError(broken.source(), broken.line(), reason + "; then " + closeError.reason());
            }
        }
    }

    private ReadError openSource(String arg) {
        try {
            current = given != null ? SourceOpener.open(arg, givenFileName, given, consumed) : SourceOpener.open(arg, stdin, consumed);
        } catch (InputException e) {
            // Checked at the start but gone (or locked) by the time its turn came: an error for this file, not the run.
            String name = arg.equals(SourceOpener.STDIN) ? SourceOpener.STDIN_NAME : arg;
            return new ReadError(name, 1, e.getMessage());
        } catch (IOException e) {
            // Only a gzip header can fail here (a file that cannot be opened is an InputException).
            String name = given == null && arg.equals(SourceOpener.STDIN) ? SourceOpener.STDIN_NAME : arg;
            return new ReadError(name, 1, SourceOpener.reason(e, true));
        }
        InputFormat format = forced != null ? forced : InputFormat.detect(current.head(), options);
        if (forced == null && format == InputFormat.TEXT && current.head().firstNonBlank() == '<') {
            // Markup that no reader knows is no abstract: reading its tags as prose would make claims of them.
            cursor = oneError(current.source().name(), "unknown input format: markup (XML or HTML) that is not an arXiv Atom feed;"
                    + " --input-format text reads it as one abstract");
            return null;
        }
        if (forced == null && format == InputFormat.JSONL && ClaimsFiles.looksLikeClaims(current.head())) {
            // Our own output fed back: one line saying so, not "no id" once per claim.
            cursor = oneError(current.source().name(), "this is a claims file (what claimx extract writes), not papers;"
                    + " give extract the papers it was made from");
            return null;
        }
        cursor = format.reader(options).open(current.source());
        return null;
    }

    private static PaperReader.Cursor oneError(String name, String reason) {
        return new PaperReader.Cursor() {
            private boolean done;

            @Override
            public InputRecord next() {
                if (done) return null;
                done = true;
                return new ReadError(name, 1, reason);
            }

            @Override
            public long position() {
                return 1;
            }
        };
    }

    /** Closes the current source; a failure to close is reported, not dropped. */
    private ReadError closeSource() {
        InputSource s = current.source();
        long line = cursor.position();
        current = null;
        cursor = null;
        try {
            s.stream().close();
            return null;
        } catch (IOException e) {
            return new ReadError(s.name(), line, "closing failed: " + JsonlReader.oneLine(e.getMessage()));
        }
    }

    /** Counts {@code r} and drops it (returns null) when it repeats a paper already yielded. */
    private InputRecord account(InputRecord r) {
        records++;
        if (r instanceof ReadError) {
            errors++;
            return r;
        }
        PaperRecord pr = (PaperRecord) r;
        Paper p = pr.paper();
        String tooLong = p.abstractText().length() > options.maxAbstractChars() ? "abstract"
                : p.title().length() > options.maxAbstractChars() ? "title" : null;
        if (tooLong != null) {
            errors++;
            return new ReadError(pr.source(), pr.line(), "paper " + p.id() + ": " + tooLong + " of "
                    + (tooLong.equals("abstract") ? p.abstractText() : p.title()).length() + " characters, over the limit of "
                    + options.maxAbstractChars() + " (--max-abstract-chars)");
        }
        int nul = (p.title() + p.abstractText()).indexOf('\0');
        if (nul >= 0) {
            errors++;
            return new ReadError(pr.source(), pr.line(), "paper " + p.id() + ": NUL character in the "
                    + (nul < p.title().length() ? "title" : "abstract") + " (binary data, not text)");
        }
        ByteKey content = digest(p);
        Seen first = seen.putIfAbsent(p.id(), new Seen(content, pr.source(), pr.line()));
        if (first == null) {
            papers++;
            return r;
        }
        if (first.content().equals(content)) {
            duplicates++;
            return null;
        }
        errors++;
        return new ReadError(pr.source(), pr.line(), "duplicate id " + p.id() + " with another title or abstract than at "
                + first.source() + ":" + first.line() + " (the first is kept)");
    }
}
