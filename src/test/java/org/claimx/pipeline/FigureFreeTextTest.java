package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimx.model.Field;
import org.claimx.model.Paper;
import org.claimx.slots.Instance;
import org.junit.jupiter.api.Test;

/**
 * A title or abstract with no digit and no number word is not split (the engine's cheapest stage
 * skipped); one whose only figures are number words still is, and gives them.
 */
class FigureFreeTextTest {
    @Test
    void aTextWithoutAFigureGivesNothingAndOneWithNumberWordsGivesThem() {
        Engine engine = SharedEngine.get();
        Engine.Reading none = engine.read(new Paper("p1", "Attention Often Matters",
                "We study attention. Nothing here is counted, though often written."));
        assertEquals(List.of(), none.sentences());
        assertEquals(List.of(), none.instances());

        Engine.Reading words = engine.read(new Paper("p2", "Attention Often Matters",
                "We study attention. Our method cuts memory use in half and runs ten times faster."));
        List<String> values = words.instances().stream().map(i -> i.mention().value().text()).toList();
        assertEquals(List.of("half", "ten times"), values);
        assertTrue(words.instances().stream().allMatch(i -> i.field() == Field.ABSTRACT));
        assertEquals(1, words.sentences().size(), "only the sentence with figures is read");
    }

    @Test
    void aDigitAnywhereInTheTitleIsRead() {
        Engine.Reading r = SharedEngine.get().read(new Paper("p3", "GPT-4 at 2x the Speed", "We study attention."));
        List<Instance> title = r.instances().stream().filter(i -> i.field() == Field.TITLE).toList();
        assertEquals(List.of("2x"), title.stream().map(i -> i.mention().value().text()).toList());
    }
}
