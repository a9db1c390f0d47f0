package org.claimx.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The lookahead that {@link RuleBook#joinMacros} puts in front of a macro is there for speed only:
 * a joined macro finds exactly what the plain alternation of its surfaces finds. A word macro
 * (qualifiers) differs only in never starting inside a word.
 */
class MacroProperties {
    private static final Map<String, List<String>> SURFACES = lexiconSurfaces();

    private static Map<String, List<String>> lexiconSurfaces() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Tsv.Row r : Tsv.read(Path.of("rules/lexicon/units.tsv"), 3).rows()) {
            out.computeIfAbsent(r.col(0), k -> new ArrayList<>()).add(r.col(2));
        }
        List<String> quals = new ArrayList<>();
        for (Tsv.Row r : Tsv.read(Path.of("rules/lexicon/qualifiers.tsv"), 2).rows()) quals.add(r.col(0));
        out.put("QUAL", quals);
        out.put("WORDS", List.of("\\Qone\\E", "\\Qtwo\\E", "\\Qa hundred\\E"));
        return out;
    }

    private static List<String> matches(String regex, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.start() + ":" + m.group());
        return out;
    }

    private static String plain(List<String> surfaces) {
        StringBuilder b = new StringBuilder("(?:");
        for (int i = 0; i < surfaces.size(); i++) b.append(i > 0 ? "|" : "").append("(?:").append(surfaces.get(i)).append(')');
        return b.append(')').toString();
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("uptoUPTO alsmrhvebwyxX×%~<>=≥≤0123456789.,-fFdGBMKsnitwoae\u00a0")
                .ofMaxLength(40);
    }

    @Property(tries = 300)
    void aJoinedMacroFindsWhatItsPlainAlternationFinds(@ForAll("text") String text) {
        Map<String, String> joined = RuleBook.joinMacros(SURFACES, Set.of());
        SURFACES.forEach((name, surfaces) -> {
            // Inside a case-insensitive rule too: the lookahead holds both cases of each first letter.
            for (String flags : List.of("", "(?i)")) {
                assertEquals(matches(flags + plain(surfaces), text), matches(flags + joined.get(name), text), name + " in «" + text + "»");
            }
        });
    }

    @Property(tries = 300)
    void aWordMacroFindsThePlainMatchesThatDoNotStartInsideAWord(@ForAll("text") String text) {
        String joined = RuleBook.joinMacros(Map.of("QUAL", SURFACES.get("QUAL")), Set.of("QUAL")).get("QUAL");
        List<String> expected = new ArrayList<>();
        Matcher m = Pattern.compile(plain(SURFACES.get("QUAL"))).matcher(text);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            boolean insideWord = m.start() > 0 && Character.isLetter(m.group().charAt(0))
                    && String.valueOf(text.charAt(m.start() - 1)).matches("[A-Za-z]");
            if (insideWord) {
                from = m.start() + 1;
                continue;
            }
            expected.add(m.start() + ":" + m.group());
            from = m.end() > m.start() ? m.end() : m.end() + 1;
        }
        assertEquals(expected, matches(joined, text), "«" + text + "»");
    }

    @Test
    void qualifierWordsDoNotStartInsideAWord() {
        String qual = RuleBook.joinMacros(Map.of("QUAL", SURFACES.get("QUAL")), Set.of("QUAL")).get("QUAL");
        assertEquals(List.of(), matches(qual, "moreover recover"));
        assertEquals(List.of("0:over", "9:~", "15:<"), matches(qual, "over 2x, ~3x, p<0.01"));
    }

    @Test
    void firstCharactersAreKnownOnlyForPlainLeadingCharacters() {
        assertEquals("uUaA", RuleBook.firstChars(List.of("(?i)up\\s*to", "at\\s+least")));
        assertEquals("oOtT", RuleBook.firstChars(List.of("\\Qone\\E", "\\Qtwo\\E")));
        assertEquals("%\\~", RuleBook.firstChars(List.of("%", "~")));
        assertNull(RuleBook.firstChars(List.of("(?i)-?fold", "times")));
        assertNull(RuleBook.firstChars(List.of("[x×X]")));
        assertNull(RuleBook.firstChars(List.of("x?y")));
    }

    @Test
    void aSurfaceGoesWithoutAGroupOnlyWhereOneChangesNothing() {
        assertEquals(true, RuleBook.standsAlone("up\\s*to"));
        assertEquals(true, RuleBook.standsAlone("\\Qa|b\\E"), "a quote is one literal");
        assertEquals(false, RuleBook.standsAlone("x|y"), "an alternation of its own");
        assertEquals(false, RuleBook.standsAlone("(?i)up"), "flags of its own");
        assertEquals(false, RuleBook.standsAlone("\\Qa\\Eb|c"));
        assertEquals(false, RuleBook.standsAlone(""));
        String joined = RuleBook.joinMacros(Map.of("W", List.of("(?i)up\\s*to", "(?i)over")), Set.of()).get("W");
        assertEquals("(?:(?=[uUoO])(?i:up\\s*to|over))", joined, "one (?i: ) for surfaces that all turn it on");
    }
}
