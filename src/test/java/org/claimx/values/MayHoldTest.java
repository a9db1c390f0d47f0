package org.claimx.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.claimx.nlp.GoldTexts;
import org.claimx.nlp.RuleBook;
import org.junit.jupiter.api.Test;

/** {@link ValueFinder#mayHold} answers as a plain search for the lexicon's trigger does, trying fewer places. */
class MayHoldTest {
    private static final ValueLexicon LEXICON = ValueLexicon.load(Path.of("rules/lexicon"));
    private static final ValueFinder FINDER = new ValueFinder(RuleBook.load(Path.of("rules/values"), LEXICON.macros()),
            new ValueParser(LEXICON), LEXICON);
    private static final Pattern TRIGGER = LEXICON.trigger();

    private static void assertSame(String text) {
        assertEquals(TRIGGER.matcher(text).find(), FINDER.mayHold(text), "«" + text + "»");
    }

    @Test
    void goldTextsWithTheirDigitsTakenOutAnswerAsTheSearch() throws Exception {
        int holding = 0;
        int texts = 0;
        for (String text : GoldTexts.read()) {
            // Without digits only the number words decide; each clause on its own, so that many answers are "no".
            for (String part : text.replaceAll("[0-9]", "").split("[,;.]")) {
                assertSame(part);
                if (FINDER.mayHold(part)) holding++;
                texts++;
            }
        }
        assertTrue(holding > 50 && holding < texts - 1000, holding + " of " + texts + " parts hold a number word");
    }

    @Test
    void numberWordsAreFoundOnlyWhereAWordBegins() {
        assertTrue(FINDER.mayHold("a twofold gain"));
        assertTrue(FINDER.mayHold("Twice as fast"));
        assertTrue(FINDER.mayHold("halving the cost"));
        assertTrue(FINDER.mayHold("(three) runs"));
        assertEquals(false, FINDER.mayHold("someone tweets"), "'one' inside a word is no number word");
        assertEquals(false, FINDER.mayHold("no figure here"));
    }

    @Property(tries = 500)
    void generatedTextAnswersAsTheSearch(@ForAll("wordy") String text) {
        assertSame(text);
    }

    @Provide
    Arbitrary<String> wordy() {
        return Arbitraries.of("one", "two", "twice", "three", "ten", "half", "halves", "third", "quarters", "fold", "-fold",
                        "orders of magnitude", "order", "dozen", "hundred", "thousand", "a", "some", "s", "e", "_", "é", "ß",
                        "\u0301", " ", "-", "  ", "\n", "(", ")", ".", ",", "/", "'", "x", "X", "times", "no", "none", "ONE", "Two")
                .list().ofMinSize(1).ofMaxSize(16).map(parts -> String.join("", parts));
    }
}
