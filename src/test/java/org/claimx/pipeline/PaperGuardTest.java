package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

class PaperGuardTest {
    private static final Paper PAPER = new Paper("2401.00001", "", "It is 2.4x faster.");

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void aStackOverflowIsAFailureNamingIt() {
        try (PaperGuard guard = new PaperGuard(p -> List.of(new Claim[recurse(0)]), 10_000)) {
            PaperGuard.Result r = guard.extract(PAPER);
            assertTrue(r.failed());
            assertTrue(r.failure().startsWith("extraction failed: StackOverflowError (in PaperGuardTest.recurse)"), r.failure());
            assertEquals(List.of(), r.claims());
        }
    }

    @Test
    void anExceptionIsAFailureWithItsMessageOnOneLine() {
        try (PaperGuard guard = new PaperGuard(p -> {
            throw new IllegalStateException("no tokens\nsecond line");
        }, 10_000)) {
            String failure = guard.extract(PAPER).failure();
            assertTrue(failure.startsWith("extraction failed: IllegalStateException: no tokens (in PaperGuardTest."), failure);
        }
    }

    @Test
    void runningOutOfMemoryIsNotCaught() {
        try (PaperGuard guard = new PaperGuard(p -> {
            throw new OutOfMemoryError("Java heap space");
        }, 10_000)) {
            assertThrows(OutOfMemoryError.class, () -> guard.extract(PAPER));
        }
    }

    @Test
    void aPaperPastItsBudgetIsGivenUpInterruptedAndDoesNotHoldUpTheNext() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (PaperGuard guard = new PaperGuard(p -> {
            if (!p.id().equals("slow")) return List.of();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return List.of();
        }, 200)) {
            long start = System.nanoTime();
            PaperGuard.Result r = guard.extract(new Paper("slow", "", "text"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals("extraction took longer than 200 ms (--max-paper-ms) and was given up", r.failure());
            assertTrue(ms < 5_000, ms + " ms");
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the given-up paper's thread is interrupted");
            assertFalse(guard.extract(PAPER).failed());
        }
    }

    @Test
    void theEngineGivesItsClaimsThroughTheGuard() {
        try (PaperGuard guard = new PaperGuard(SharedEngine.get(), 10_000)) {
            PaperGuard.Result r = guard.extract(new Paper("p", "", "Our kernel is 2.4x faster than FlashAttention."));
            assertFalse(r.failed(), r.failure());
            assertEquals(SharedEngine.get().extract(new Paper("p", "", "Our kernel is 2.4x faster than FlashAttention.")), r.claims());
        }
    }

    @Test
    void aBudgetMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PaperGuard(p -> List.of(), 0));
        assertTrue(e.getMessage().endsWith(": 0"), e.getMessage());
    }
}
