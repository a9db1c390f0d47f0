package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.claimx.slots.Instance;
import org.claimx.slots.SlotModel;
import org.claimx.slots.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A gold set given lessons teaches those and nothing else ('claimx train --partial-gold'). */
class TrainerLessonsTest {
    private static GoldInstances gold;
    private static List<Trainer.Labeled> first;
    private static List<Trainer.Labeled> second;

    @BeforeAll
    static void readGold() throws Exception {
        gold = GoldInstances.read(List.<Path[]>of(
                new Path[] {Path.of("testdata/gold/dev.papers.jsonl"), Path.of("testdata/gold/dev.claims.jsonl")}));
        gold.readWith(SharedEngine.get(), 2, false);
        first = gold.labeled(id -> id.hashCode() % 2 == 0);
        second = gold.labeled(id -> id.hashCode() % 2 != 0);
        assertTrue(first.size() > 50 && second.size() > 50, first.size() + " and " + second.size());
    }

    @Test
    void aPartTeachesOnlyItsLessons() {
        SlotModel alone = Trainer.train(List.of(Trainer.Part.all(first)));
        SlotModel more = Trainer.train(List.of(Trainer.Part.all(first), new Trainer.Part(second, Set.of("method"))));
        int methodDiffers = 0;
        for (Trainer.Labeled l : second) {
            Instance in = l.instance();
            // What the second half may not teach is as the first half alone taught it, to the bit.
            assertEquals(alone.probability("claim", in.claimFeatures(), SlotModel.YES),
                    more.probability("claim", in.claimFeatures(), SlotModel.YES));
            assertEquals(alone.probabilities("change", in.changeFeatures()), more.probabilities("change", in.changeFeatures()));
            for (String slot : List.of("metric", "baseline", "dataset")) {
                assertArrayEquals(alone.candidateProbabilities(slot, in.candidateFeatures()),
                        more.candidateProbabilities(slot, in.candidateFeatures()), 0.0, slot);
            }
            if (!java.util.Arrays.equals(alone.candidateProbabilities("method", in.candidateFeatures()),
                    more.candidateProbabilities("method", in.candidateFeatures()))) methodDiffers++;
        }
        assertTrue(methodDiffers > second.size() / 2, "the method ranker learned from the second half: " + methodDiffers);
    }

    @Test
    void allButTheClaimIsWhatSlotsGoldTeaches() {
        assertEquals(Set.of("change", "method", "metric", "baseline", "dataset"), Trainer.Part.slots(second).lessons());
        assertEquals(Set.copyOf(Trainer.LESSONS), Trainer.Part.all(second).lessons());
        SlotModel alone = Trainer.train(List.of(Trainer.Part.all(first)));
        SlotModel more = Trainer.train(List.of(Trainer.Part.all(first), Trainer.Part.slots(second)));
        boolean changeDiffers = false;
        for (Trainer.Labeled l : second) {
            Instance in = l.instance();
            assertEquals(alone.probability("claim", in.claimFeatures(), SlotModel.YES),
                    more.probability("claim", in.claimFeatures(), SlotModel.YES));
            changeDiffers |= !alone.probabilities("change", in.changeFeatures()).equals(more.probabilities("change", in.changeFeatures()));
        }
        assertTrue(changeDiffers);
    }

    @Test
    void anUnknownLessonIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer.Part(first, Set.of("methods")));
        assertTrue(e.getMessage().contains("no such lesson: methods"), e.getMessage());
        assertFalse(Trainer.LESSONS.contains("methods"));
    }
}
