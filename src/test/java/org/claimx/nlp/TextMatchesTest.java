package org.claimx.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link TextMatches} gives exactly the matches of {@code while (matcher.find())}, groups and all: on
 * every substitution of rules/normalize.tsv and every name rule of rules/lexicon/system-names.tsv,
 * over the gold papers' text and generated text dense in LaTeX remnants, odd spaces, dashes and names.
 */
class TextMatchesTest {
    /** A substitution's regex, compiled twice: for the plain find loop and for TextMatches. */
    private record Rule(Pattern plain, TextMatches matches) {}

    private static final List<Rule> RULES = rules();

    private static List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("rules/normalize.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String regex = line.split("\t", -1)[0];
                out.add(new Rule(Pattern.compile(regex), TextMatches.of(Pattern.compile(regex))));
            }
            for (String line : Files.readAllLines(Path.of("rules/lexicon/system-names.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String regex = line.split("\t", -1)[2];
                out.add(new Rule(Pattern.compile(regex), TextMatches.of(Pattern.compile(regex))));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static List<Integer> found(Pattern p, String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            for (int g = 0; g <= m.groupCount(); g++) {
                out.add(m.start(g));
                out.add(m.end(g));
            }
        }
        return out;
    }

    private static List<Integer> matched(TextMatches t, String text) {
        List<Integer> out = new ArrayList<>();
        t.forEach(text, m -> {
            for (int g = 0; g <= m.groupCount(); g++) {
                out.add(m.start(g));
                out.add(m.end(g));
            }
        });
        return out;
    }

    private static void assertSameEverywhere(String text) {
        for (Rule r : RULES) {
            assertEquals(found(r.plain(), text), matched(r.matches(), text), r.plain().pattern() + " on «" + text + "»");
        }
    }

    @Test
    void mostSubstitutionsArePlanned() {
        long planned = RULES.stream().filter(r -> r.matches().planned()).count();
        assertTrue(planned >= RULES.size() - 3, planned + " of " + RULES.size() + " planned");
    }

    @Test
    void theGoldPapersGiveTheSameMatches() throws Exception {
        List<String> texts = GoldTexts.read();
        for (String text : texts) assertSameEverywhere(text);
        assertTrue(texts.size() > 200, "texts read: " + texts.size());
    }

    @Property(tries = 500)
    void generatedTextGivesTheSameMatches(@ForAll("latex") String text) {
        assertSameEverywhere(text);
    }

    @Provide
    Arbitrary<String> latex() {
        return Arbitraries.of("$", "\\", "\\times", "$\\times$", "\\sim", "sim", " sim ", "leq", "\\geq", "$\\leq$",
                        "\\downarrow", "\\pm", "\\%", "\\textbf{", "\\emph{", "\\text{", "}", "{", "$^{", "$^", "S", "FT",
                        "~", "\u00a0", "\u2009", "\u2212", "\u2010", "\u2013", "\u2014", "\u2248", "-", " ", "  ", "\n",
                        "0", "2.4", "99", "47.2", "1,000", "x", "a", "model", "(", ")", ",", ".", ";", ":", "We propose ",
                        "this paper presents ", "called ", "dubbed ", "the ", "Orca-Math", "MoT", "GPT-4o", "W4A8", "LLaMA",
                        "Mixture-of-Transformers ", "-", "_", "+", "X", "Fast Model")
                .list().ofMinSize(1).ofMaxSize(24).map(parts -> String.join("", parts));
    }
}
