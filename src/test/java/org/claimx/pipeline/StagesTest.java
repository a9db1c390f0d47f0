package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

/** The per-stage clock bench reports: it times the path without changing what comes out. */
class StagesTest {
    private static final Paper PAPER = new Paper("p1", "Fast Things",
            "We propose FastThing. FastThing reduces memory by up to 73% and runs 2.4x faster than the baseline on ImageNet.");

    @Test
    void aTimedExtractionGivesTheSameClaimsAndTimesEveryEngineStage() {
        Engine engine = SharedEngine.get();
        List<Claim> plain = engine.extract(PAPER);
        Stages stages = new Stages();
        List<Claim> timed = engine.extract(PAPER, stages);
        assertEquals(plain, timed);
        assertFalse(timed.isEmpty(), "the paper has claims");
        for (Stages.Stage s : List.of(Stages.Stage.SPLIT, Stages.Stage.VALUES, Stages.Stage.TAG, Stages.Stage.CANDIDATES, Stages.Stage.MODEL)) {
            assertTrue(stages.nanos(s) > 0, s + " was timed");
        }
        assertEquals(0, stages.nanos(Stages.Stage.WRITE), "the engine writes nothing");
        assertEquals(0, Stages.OFF.totalNanos());
    }

    @Test
    void threadsTimesAddUp() {
        Stages a = new Stages();
        Stages b = new Stages();
        long t = System.nanoTime() - 1_000_000;
        a.lap(Stages.Stage.TAG, t);
        b.lap(Stages.Stage.TAG, t);
        b.lap(Stages.Stage.WRITE, t);
        Stages total = new Stages();
        total.add(a);
        total.add(b);
        assertEquals(a.nanos(Stages.Stage.TAG) + b.nanos(Stages.Stage.TAG), total.nanos(Stages.Stage.TAG));
        assertEquals(b.nanos(Stages.Stage.WRITE), total.nanos(Stages.Stage.WRITE));
        assertTrue(total.nanos(Stages.Stage.TAG) >= 2_000_000);
        assertEquals(total.nanos(Stages.Stage.TAG) + total.nanos(Stages.Stage.WRITE), total.totalNanos());
    }
}
