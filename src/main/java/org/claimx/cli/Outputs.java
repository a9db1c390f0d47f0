package org.claimx.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Outputs of extract that say when they fail. {@link System#out} is a PrintStream, which swallows
 * write errors (a full disk, a closed pipe) and would let a run "succeed" with nothing written; every
 * output of extract goes through {@link #stdout} or {@link #file}, which raise {@link Failed} instead.
 */
final class Outputs {
    private Outputs() {}

    /** A write to an output failed: the run stops, with this one-line message and exit 1. */
    static final class Failed extends IOException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Standard output (whatever System.out is now), raising {@link Failed} when a write or flush fails. */
    static OutputStream stdout() {
        PrintStream ps = System.out;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                ps.write(b);
                check();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ps.write(b, off, len);
                check();
            }

            @Override
            public void flush() throws IOException {
                check();
            }

            // checkError() flushes, so each buffer-full written is known to have arrived.
            private void check() throws Failed {
                if (ps.checkError()) throw new Failed("cannot write to standard output (closed pipe or full disk)", null);
            }
        };
    }

    /** A file opened for writing; a failure to write or close it is {@link Failed}, naming it. */
    static OutputStream file(String option, Path path) throws Failed {
        OutputStream raw;
        try {
            raw = Files.newOutputStream(path);
        } catch (IOException e) {
            throw new Failed("cannot write " + option + " " + path + ": " + e, e);
        }
        return new FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw new Failed("cannot write " + option + " " + path + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new Failed("cannot write " + option + " " + path + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * Refuses an output that is also an input: opening it for writing would truncate the input
     * before a byte of it is read. Compares the files themselves (links, relative paths).
     */
    static void checkNotAnInput(String option, Path output, List<String> inputs) {
        if (output == null) return;
        for (String in : inputs) {
            if (in.equals("-")) continue;
            try {
                Path p = Path.of(in);
                boolean same = Files.exists(output) && Files.exists(p) ? Files.isSameFile(p, output)
                        : p.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
                if (same) throw new UsageException(option + " " + output + " is also an input; nothing was read or written");
            } catch (InvalidPathException | IOException e) {
                // Not comparable: the input check reports a bad path itself.
            }
        }
    }
}
