package org.claimx.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The progress line of a long run on standard error: papers, claims, errors, rate and, when the
 * input size is known, the share read and the time left. It is redrawn in place a few times a
 * second while {@code live}; lines printed through {@link #println} stand above it. Counts are
 * kept whether or not it is live, for the closing summary.
 */
final class Progress implements AutoCloseable {
    private static final long REFRESH_MILLIS = 250;

    private final PrintStream err;
    private final LongSupplier bytesRead;
    private final long bytesTotal;
    private final long start = System.nanoTime();
    private final AtomicLong papers = new AtomicLong();
    private final AtomicLong claims = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Thread painter;
    private volatile boolean running;
    private boolean drawn;

    Progress(PrintStream err, boolean live, LongSupplier bytesRead, long bytesTotal) {
        this.err = err;
        this.bytesRead = bytesRead;
        this.bytesTotal = bytesTotal;
        this.running = live;
        this.painter = live ? new Thread(this::paintLoop, "claimx-progress") : null;
        if (painter != null) {
            painter.setDaemon(true);
            painter.start();
        }
    }

    /** Whether standard error is a terminal (Linux: what file descriptor 2 points at). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    void paper(int claimCount) {
        papers.incrementAndGet();
        claims.addAndGet(claimCount);
    }

    void error() { errors.incrementAndGet(); }

    long papers() { return papers.get(); }

    long claims() { return claims.get(); }

    long errors() { return errors.get(); }

    /** Prints a line above the progress line. */
    synchronized void println(String line) {
        clear();
        err.println(line);
    }

    /** The closing summary: counts, time and rate. */
    String summary() {
        double seconds = elapsed();
        return String.format(Locale.ROOT, "papers %d, claims %d, errors %d (%.1f s, %.1f papers/s)", papers.get(),
                claims.get(), errors.get(), seconds, seconds > 0 ? papers.get() / seconds : 0.0);
    }

    /** The progress line itself. */
    String line() {
        double seconds = elapsed();
        long p = papers.get();
        double rate = seconds > 0 ? p / seconds : 0;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "papers %,d  claims %,d  errors %,d  %.0f papers/s",
                p, claims.get(), errors.get(), rate));
        if (bytesTotal > 0) {
            double done = Math.min(1.0, (double) bytesRead.getAsLong() / bytesTotal);
            b.append(String.format(Locale.ROOT, "  %3.0f%%", done * 100));
            if (done > 0.001 && seconds > 1) b.append("  ETA ").append(duration(seconds * (1 - done) / done));
        }
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }

    private double elapsed() { return (System.nanoTime() - start) / 1e9; }

    private void paintLoop() {
        while (running) {
            synchronized (this) {
                if (running) {
                    err.print("\r" + line() + "\033[K");
                    err.flush();
                    drawn = true;
                }
            }
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void clear() {
        if (drawn) {
            err.print("\r\033[K");
            drawn = false;
        }
    }

    @Override
    public void close() {
        if (painter == null) return;
        running = false;
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            clear();
            err.flush();
        }
    }
}
