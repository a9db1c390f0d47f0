package org.claimx.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.claimx.model.Unit;
import org.junit.jupiter.api.Test;

/** Two figures a range rule matched whose values fall are read as two figures, offsets exact. */
class ListSplitterTest {
    private static final ValueParser PARSER = new ValueParser(ValueLexicon.load(Path.of("rules/lexicon")));

    @Test
    void aFallingRangeIsTwoFiguresEachWithItsUnit() {
        String text = "63.33% to 5.74%";
        List<ValueMention> ms = ListSplitter.fallingPair(PARSER, "range.a-to-b-percent", text, 100);
        assertEquals(2, ms.size());
        assertEquals(63.33, ms.get(0).value().number());
        assertEquals("63.33%", ms.get(0).value().text());
        assertEquals(100, ms.get(0).start());
        assertEquals(106, ms.get(0).end());
        assertEquals(5.74, ms.get(1).value().number());
        assertEquals(Unit.PERCENT, ms.get(1).value().unit());
        assertEquals(110, ms.get(1).start());
        assertEquals(115, ms.get(1).end());
    }

    @Test
    void theFirstFigureTakesTheUnitWrittenAfterTheSecond() {
        List<ValueMention> ms = ListSplitter.fallingPair(PARSER, "range.a-to-b-percent", "30.5 to 15.3%", 0);
        assertEquals(2, ms.size());
        assertEquals("30.5", ms.get(0).value().text());
        assertEquals(Unit.PERCENT, ms.get(0).value().unit());
        assertEquals(30.5, ms.get(0).value().number());
    }

    @Test
    void aRisingRangeOrAnythingButTwoFiguresIsNotSplit() {
        assertEquals(List.of(), ListSplitter.fallingPair(PARSER, "range.a-to-b-percent", "3-5%", 0));
        assertEquals(List.of(), ListSplitter.fallingPair(PARSER, "range.a-to-b-percent", "5% to 5%", 0));
        assertEquals(List.of(), ListSplitter.fallingPair(PARSER, "range.a-to-b-percent", "9, 6 to 3%", 0));
    }
}
