package org.claimx.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.claimx.values.ValueLexicon;
import org.junit.jupiter.api.Test;

/**
 * Anchored text rules give exactly the matches of {@code while (matcher.find())}: on every value rule,
 * over the gold papers' text and over generated text dense in figures, qualifiers and units.
 */
class AnchoredTextRulesTest {
    private static final Map<String, Pattern> RULES = rules();
    private static final Map<String, AnchoredTextRules.Plan> PLANS = plans();

    private static Map<String, Pattern> rules() {
        ValueLexicon lexicon = ValueLexicon.load(Path.of("rules/lexicon"));
        return RuleBook.load(Path.of("rules/values"), lexicon.macros()).textPatterns();
    }

    private static Map<String, AnchoredTextRules.Plan> plans() {
        Map<String, AnchoredTextRules.Plan> out = new LinkedHashMap<>();
        RULES.forEach((name, p) -> {
            AnchoredTextRules.Plan plan = AnchoredTextRules.Plan.of(p);
            if (plan != null) out.put(name, plan);
        });
        return out;
    }

    private static List<Integer> found(Pattern p, String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.start());
            out.add(m.end());
        }
        return out;
    }

    private static List<Integer> anchored(AnchoredTextRules.Plan plan, String text) {
        List<Integer> out = new ArrayList<>();
        plan.forEachMatch(text, m -> {
            out.add(m.start());
            out.add(m.end());
        });
        return out;
    }

    private static void assertSameEverywhere(String text) {
        PLANS.forEach((name, plan) -> assertEquals(found(RULES.get(name), text), anchored(plan, text), name + " on «" + text + "»"));
    }

    @Test
    void mostValueRulesGetAPlanAndTheLoadedRulesUseIt() {
        assertTrue(PLANS.size() >= 50, "plans for " + PLANS.size() + " of " + RULES.size() + " rules");
        assertTrue(PLANS.containsKey("percent.number-percent") && PLANS.get("percent.number-percent").prefix != null,
                "a rule that begins $OPTQUAL$NUM is anchored at qualifiers and figures");
        assertNotNull(PLANS.get("multiplier.number-x").restLead,
                "where a figure can begin after the optional qualifier is found once per sentence, assertions included");
        assertTrue(PLANS.containsKey("block.url") && PLANS.containsKey("multiplier.word-times"),
                "a rule that opens with (?i) is planned too");
        ValueLexicon lexicon = ValueLexicon.load(Path.of("rules/lexicon"));
        assertEquals(PLANS.size(), RuleBook.load(Path.of("rules/values"), lexicon.macros()).anchoredRules());
    }

    @Test
    void theGoldPapersGiveTheSameMatches() throws Exception {
        List<String> texts = GoldTexts.read();
        for (String text : texts) assertSameEverywhere(text);
        assertTrue(texts.size() > 200, "texts read: " + texts.size());
    }

    @Property(tries = 300)
    void generatedTextGivesTheSameMatches(@ForAll("dense") String text) {
        assertSameEverywhere(text);
    }

    @Provide
    Arbitrary<String> dense() {
        return Arbitraries.of("up to ", "Up To", "about", "nearly ", "more than", "no less than ", "≥", "<=", "~", "+", "-", "–",
                        " ", "  ", ",", ".", "(", ")", "$", "%", " percent", "x", "×", "X", "times", "-fold", "fold", "pp", " points",
                        "bits", "-bit", "B", "M", "K", "billion", "params", "parameters", "tokens/s", "ms", "h", "s", "GB", "W",
                        "FLOPs", "samples", "half of", "a third", "two-thirds", "orders of magnitude", "one", "twenty", "budget",
                        "0", "1", "2", "7", "12", "3.5", ".5", "1,000", "2024", "W4A8", "INT8", "FP16", "v2", "[3]", "GPT-4",
                        "and", "or", "to", "from", "between", "than", "the", "We", "a", "e", "o", "\n", "é", "\u00a0")
                .list().ofMinSize(1).ofMaxSize(24).map(parts -> String.join("", parts));
    }

    @Test
    void firstCharactersFollowFlagsGroupsAndClasses() {
        BitSet digits = FirstChars.of("\\d+(?:\\.\\d+)?");
        assertNotNull(digits);
        assertEquals(10, digits.cardinality());
        BitSet ci = FirstChars.of("(?i)ab|c");
        assertTrue(ci.get('a') && ci.get('A') && ci.get('c') && ci.get('C'), "(?i) holds across | to the end of its group");
        assertEquals(4, ci.cardinality());
        BitSet optional = FirstChars.of("(?:x\\s*)?(?=\\d)(?<![\\w.])[0-9]");
        assertTrue(optional.get('x') && optional.get('5') && !optional.get('y'));
        BitSet scoped = FirstChars.of("(?i:q)|r");
        assertTrue(scoped.get('Q') && scoped.get('r') && !scoped.get('R'), "(?i:...) ends with its group");
        assertNull(FirstChars.of("a*"), "a pattern that can match empty can begin anywhere");
        assertNull(FirstChars.of("\\p{L}x"), "what the reader does not follow is any character");
        BitSet negated = FirstChars.of("[^a]b");
        assertTrue(negated.get('b') && !negated.get('a'));
        assertTrue(FirstChars.of("\\Q$x\\E").get('$'));
    }

    @Test
    void theLeadingGroupIsFoundOnlyWhereItStandsAlone() {
        AnchoredTextRules.Leading l = AnchoredTextRules.Leading.of("(?i)(?<!\\bfrom\\s)(?:ab\\s*)?\\d+x");
        assertNotNull(l);
        assertTrue(l.caseInsensitive() && l.optional());
        assertEquals("ab\\s*", l.group());
        assertEquals("(?<!\\bfrom\\s)", l.assertions(), "the assertions before the group are kept, to find where it matches");
        assertEquals("\\d+x", l.rest());
        assertNull(AnchoredTextRules.Leading.of("(?:a)?b|c"), "an alternative at the top has no common head");
        assertNull(AnchoredTextRules.Leading.of("(?:a)*b"));
        assertNull(AnchoredTextRules.Leading.of("x(?:a)?b"));
    }

    @Test
    void aTextIsAskedWhetherItHoldsAnyOfAFewCharacters() {
        CharsPresent text = CharsPresent.of("up to 2.4× faster");
        BitSet times = new BitSet();
        times.set('×');
        BitSet percent = new BitSet();
        percent.set('%');
        percent.set('‰');
        BitSet digitsOrTilde = FirstChars.of("[0-9~]");
        assertTrue(text.any(new CharsPresent.Set(times)), "a character past ASCII");
        assertTrue(text.any(new CharsPresent.Set(digitsOrTilde)), "ASCII, one of several");
        assertTrue(!text.any(new CharsPresent.Set(percent)), "none of them");
        assertTrue(!CharsPresent.of("plain").any(new CharsPresent.Set(times)), "a text of ASCII only holds nothing past it");
        BitSet del = new BitSet();
        del.set(127);
        assertTrue(CharsPresent.of("\u007f").any(new CharsPresent.Set(del)) && !text.any(new CharsPresent.Set(del)), "the last ASCII character");
    }
}
