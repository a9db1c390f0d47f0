package org.claimx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class DaemonsTest {
    @Test
    void aLoadGivesWhatItsWorkReturnedOrThrewAsItThrewIt() {
        assertEquals("done", Daemons.load(() -> "done", "test-load").get());
        IllegalArgumentException bad = new IllegalArgumentException("bad input");
        assertSame(bad, assertThrows(IllegalArgumentException.class, () -> Daemons.load(() -> { throw bad; }, "test-load").get()));
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        assertSame(full, assertThrows(OutOfMemoryError.class, () -> Daemons.load(() -> { throw full; }, "test-load").get()));
        assertTrue(Daemons.start(() -> { }, "test-start").isDaemon());
    }

    /** An error that escapes the future (its thread ends, the future is never done) is thrown, not waited for. */
    @Test
    void anErrorThatEndsTheThreadBeforeTheFutureIsDoneIsThrownNotWaitedFor() {
        FutureTask<String> neverRun = new FutureTask<>(() -> "never");
        OutOfMemoryError escaped = new OutOfMemoryError("Java heap space");
        var load = Daemons.load(neverRun, () -> { throw escaped; }, "test-escape");
        assertSame(escaped, assertThrows(OutOfMemoryError.class, load::get));
    }

    @Test
    void whatEscapesADaemonPrintsNothing() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Daemons.start(() -> { throw new IllegalStateException("boom"); }, "test-quiet").join();
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
