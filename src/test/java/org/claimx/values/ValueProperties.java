package org.claimx.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.model.Unit;
import org.claimx.model.Value;
import org.claimx.pipeline.SharedEngine;

/** Properties of the value layer over generated text: the shapes that no list of examples covers. */
class ValueProperties {
    private static List<Claim> extract(String text) {
        return SharedEngine.get().extract(new Paper("p", "", text));
    }

    private static Value onlyValue(String text) {
        List<Claim> claims = extract(text);
        assertEquals(1, claims.size(), () -> text + " gave " + claims);
        return claims.get(0).value();
    }

    @Property(tries = 60)
    void multiplierSpellingsGiveOneValue(@ForAll @IntRange(min = 1, max = 999) int tenths) {
        String n = (tenths / 10) + "." + (tenths % 10);
        double expected = tenths / 10.0;
        for (String form : List.of(n + "x", n + "×", n + " X", n + "-fold", n + " times", n + "\\times", n + "times")) {
            Value v = onlyValue("The new kernel is " + form + " faster than the old one.");
            assertEquals(Unit.X, v.unit(), form);
            assertEquals(expected, v.number(), 1e-9, form);
        }
    }

    @Property(tries = 60)
    void percentSpellingsGiveOneValue(@ForAll @IntRange(min = 1, max = 9999) int hundredths) {
        String n = (hundredths / 100) + "." + String.format("%02d", hundredths % 100);
        double expected = hundredths / 100.0;
        for (String form : List.of(n + "%", n + " %", n + "\\%", n + " percent", n + "\u00a0%")) {
            Value v = onlyValue("It reduces memory by " + form + " overall.");
            assertEquals(Unit.PERCENT, v.unit(), form);
            assertEquals(expected, v.number(), 1e-9, form);
        }
    }

    @Property(tries = 40)
    void qualifierSpellingsMapToTheirCanonicalQualifier(@ForAll("qualifiers") String[] pair,
                                                       @ForAll @IntRange(min = 2, max = 99) int n) {
        Value v = onlyValue("It reduces memory by " + pair[0] + " " + n + "% overall.");
        assertEquals(pair[1], v.qualifier() == null ? null : v.qualifier().json(), pair[0]);
        assertEquals(n, v.number(), 1e-9);
    }

    @Provide
    Arbitrary<String[]> qualifiers() {
        return Arbitraries.of(
                new String[] {"up to", "up to"}, new String[] {"at least", "at least"},
                new String[] {"more than", "more than"}, new String[] {"over", "more than"},
                new String[] {">", "more than"}, new String[] {"less than", "less than"},
                new String[] {"under", "less than"}, new String[] {"<", "less than"},
                new String[] {"at most", "at most"}, new String[] {"about", "about"},
                new String[] {"nearly", "about"}, new String[] {"almost", "about"},
                new String[] {"approximately", "about"}, new String[] {"around", "about"},
                new String[] {"~", "about"});
    }

    @Property(tries = 300)
    void spansLieInsideTheTextAndHoldTheValueText(@ForAll("abstractish") String text) {
        for (Claim c : extract(text)) {
            assertTrue(c.span().end() <= text.codePointCount(0, text.length()), () -> c + " in " + text);
            assertEquals(c.value().text(), c.span().of(text), text);
            assertNotNull(c.value().unit());
            assertTrue(c.value().number() != null || c.value().low() != null || c.value().bits() != null, c::toString);
        }
    }

    @Property(tries = 200)
    void sameInputAlwaysGivesTheSameClaims(@ForAll("abstractish") String text) {
        assertEquals(extract(text), extract(text));
    }

    @Property(tries = 300)
    void arbitraryUnicodeNeverMakesExtractionThrow(@ForAll String text) {
        for (Claim c : extract(text)) assertEquals(c.value().text(), c.span().of(text));
    }

    /** Text made of the pieces abstracts are made of: words, figures, units, LaTeX and odd Unicode. */
    @Provide
    Arbitrary<String> abstractish() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("We", "achieves", "faster", "than", "the", "baseline", "on", "GSM8k", "reduces",
                        "memory", "by", "up to", "about", "from", "to", "vs.", "and", "respectively", ",", ".", "(", ")",
                        "W4A8", "INT4", "4-bit", "weights", "activations", "Llama-2-7B", "GPT-4", "2023", "[12]"),
                Arbitraries.of("\\%", "\\times", "$\\times$", "S$^{2}$FT", "sim", "leq", "geq", "$\\pm$", "\\textbf{",
                        "}", "~", "×", "−", "–", "≥", "≤", "\u00a0", "\u2009", "𝐒", "é", "\\", "$"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5),
                Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 99))
                        .as((a, b) -> a + "." + b),
                Arbitraries.of("x", "%", "pp", "points", "bits", "B", "M", "K", "GB", "ms", "hours", "tokens/s",
                        "parameters", "times", "-fold", "billion"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(4));
        return piece.list().ofMinSize(1).ofMaxSize(40).map(ps -> String.join(" ", ps));
    }
}
