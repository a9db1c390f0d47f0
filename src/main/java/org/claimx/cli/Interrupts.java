package org.claimx.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during extract: the first one stops reading, so the records in flight are
 * finished and written whole, every output is flushed and the summary printed, and the exit status
 * is 128 + the signal (130, 143). A second one ends the process at once, for a run that is stuck
 * (a paper near its --max-paper-ms, or standard input that never ends).
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported): a shutdown hook cannot tell the signal
 * nor keep the main thread from being cut off mid-write. Where the JVM does not let a handler be
 * installed (-Xrs), the default applies.
 */
final class Interrupts implements AutoCloseable {
    private volatile int status;
    private volatile String name;
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    static Interrupts install() {
        Interrupts i = new Interrupts();
        for (String s : new String[] {"INT", "TERM"}) {
            try {
                Signal sig = new Signal(s);
                SignalHandler old = Signal.handle(sig, i::handle);
                i.signals.add(sig);
                i.previous.add(old);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // This signal cannot be handled here; it keeps its default.
            }
        }
        return i;
    }

    private void handle(Signal s) {
        if (status != 0) Runtime.getRuntime().halt(128 + s.getNumber());
        name = "SIG" + s.getName();
        status = 128 + s.getNumber();
    }

    /** 0, or the exit status the signal received asks for. */
    int status() {
        return status;
    }

    String name() {
        return name;
    }

    /** {@code it}, ending as soon as a signal has come. */
    <T> Iterator<T> until(Iterator<T> it) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return status == 0 && it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }
        };
    }

    @Override
    public void close() {
        for (int k = 0; k < signals.size(); k++) Signal.handle(signals.get(k), previous.get(k));
    }
}
