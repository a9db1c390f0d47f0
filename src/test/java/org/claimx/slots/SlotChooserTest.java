package org.claimx.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a slot's share of the confidence is read from the ranked candidates. */
class SlotChooserTest {
    private static Candidate cand(String text, int at) {
        return new Candidate(text, at, at + 1, Set.of("np.phrase"));
    }

    @Test
    void aSlotsProbabilityAddsTheCandidatesTheScorerCountsAsTheSameFiller() {
        Candidate prefillSpeed = cand("prefill speed", 5);
        Candidate speed = new Candidate("speed", -1, -1, Set.of("metric.implied-by-change-word"));
        Candidate energy = cand("energy savings", 9);
        List<SlotChooser.Scored> ranked = List.of(new SlotChooser.Scored(prefillSpeed, 0.5),
                new SlotChooser.Scored(speed, 0.3), new SlotChooser.Scored(energy, 0.15),
                new SlotChooser.Scored(Candidate.NONE, 0.05));
        // "prefill speed" and "speed" agree by word-overlap F1 (0.67 >= 0.5): either is right when one is.
        assertEquals(0.8, SlotChooser.agreeing(prefillSpeed, ranked), 1e-12);
        assertEquals(0.8, SlotChooser.agreeing(speed, ranked), 1e-12);
        // A filler no other candidate agrees with keeps its own probability.
        assertEquals(0.15, SlotChooser.agreeing(energy, ranked), 1e-12);
        // The empty slot agrees with nothing but itself.
        assertEquals(0.05, SlotChooser.agreeing(Candidate.NONE, ranked), 1e-12);
    }

    @Test
    void theSumNeverPassesOne() {
        Candidate a = cand("accuracy", 1);
        Candidate b = cand("top-1 accuracy", 3);
        // Probabilities that do not quite sum to one by rounding still give at most 1.
        List<SlotChooser.Scored> ranked = List.of(new SlotChooser.Scored(a, 0.6000000001), new SlotChooser.Scored(b, 0.4));
        assertEquals(1.0, SlotChooser.agreeing(a, ranked), 0.0);
    }
}
