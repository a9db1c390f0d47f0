package org.claimx.pipeline;

import java.util.Locale;

/**
 * Time spent in each stage of the path, summed over the papers one thread worked on (add up the
 * threads' with {@link #add(Stages)}). Not thread-safe: one per thread. {@link #OFF} takes no notes.
 */
public final class Stages {
    /** The stages, in path order. Split includes normalising; candidates include the slot features. */
    public enum Stage {
        SPLIT, VALUES, TAG, CANDIDATES, MODEL, WRITE;

        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Takes no notes: for runs that are not measured. */
    public static final Stages OFF = new Stages(false);

    private final boolean on;
    private final long[] nanos = new long[Stage.values().length];

    public Stages() {
        this(true);
    }

    private Stages(boolean on) {
        this.on = on;
    }

    /** Adds the time since {@code since} (a {@link System#nanoTime()}) to {@code stage}; returns now. */
    public long lap(Stage stage, long since) {
        long now = System.nanoTime();
        if (on) nanos[stage.ordinal()] += now - since;
        return now;
    }

    /** Adds another thread's times to these. */
    public synchronized void add(Stages other) {
        if (!on) return;
        for (int i = 0; i < nanos.length; i++) nanos[i] += other.nanos(Stage.values()[i]);
    }

    public long nanos(Stage stage) {
        return nanos[stage.ordinal()];
    }

    public long totalNanos() {
        long t = 0;
        for (long n : nanos) t += n;
        return t;
    }
}
