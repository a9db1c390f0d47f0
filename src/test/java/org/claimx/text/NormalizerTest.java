package org.claimx.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimx.model.Span;
import org.claimx.nlp.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizerTest {
    private static final Normalizer N = load();

    private static Normalizer load() {
        try {
            return Normalizer.load(Path.of("rules/normalize.tsv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String spanOf(OffsetText t, String inNormalised) {
        int i = t.text().indexOf(inNormalised);
        Span s = t.toOriginal(i, i + inNormalised.length());
        return s.of(t.original());
    }

    @Test
    void escapedPercentReadsAsPercentAndMapsBackToTheBackslash() {
        OffsetText t = N.normalize("in 47.2\\% of the time");
        assertEquals("in 47.2% of the time", t.text());
        assertEquals("47.2\\%", spanOf(t, "47.2%"));
    }

    @Test
    void latexTimesBecomesTheMultiplicationSign() {
        OffsetText t = N.normalize("up to 2.4\\times speedup and 4.64$\\times$ less");
        assertEquals("up to 2.4× speedup and 4.64× less", t.text());
        assertEquals("4.64$\\times$", spanOf(t, "4.64×"));
    }

    @Test
    void superscriptInANameKeepsEachCharacterMapped() {
        OffsetText t = N.normalize("S$^{2}$FT: Efficient");
        assertEquals("S2FT: Efficient", t.text());
        assertEquals("S$^{2}$FT", spanOf(t, "S2FT"));
    }

    @Test
    void boldFigureKeepsItsDigitsMappedOneToOne() {
        OffsetText t = N.normalize("gains of \\textbf{27}\\% overall");
        assertEquals("gains of 27% overall", t.text());
        assertEquals("27", spanOf(t, "27"));
        assertEquals("27}\\%", spanOf(t, "27%"));
    }

    @Test
    void unicodeSpacesAndMinusBecomePlainAscii() {
        OffsetText t = N.normalize("a\u00a0drop of \u22123\u2009% and 1.5\u20132x");
        assertEquals("a drop of -3 % and 1.5-2x", t.text());
        assertEquals("1.5\u20132x", spanOf(t, "1.5-2x"));
    }

    @Test
    void lostBackslashesOfSimAndLeqAreRecognisedOnlyBeforeFigures() {
        assertEquals("with 100M ~ 1B parameters", N.normalize("with 100M sim 1B parameters").text());
        assertEquals("error ≤ 2%", N.normalize("error leq 2%").text());
        assertEquals("a simple model", N.normalize("a simple model").text());
        assertEquals("whole 2 runs", N.normalize("whole 2 runs").text());
    }

    @Test
    void emptyTextAndTextWithNothingToDoAreUnchanged() {
        assertEquals("", N.normalize("").text());
        OffsetText t = N.normalize("plain text");
        assertEquals("plain text", t.text());
        assertEquals(new Span(0, 5), t.toOriginal(0, 5));
    }

    @Test
    void aBadPatternIsReportedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("normalize.tsv");
        Files.writeString(f, "# comment\n\\%\t%\n([unclosed\tx\n");
        RuleException e = assertThrows(RuleException.class, () -> Normalizer.load(f));
        assertEquals(3, e.line());
        assertEquals(f, e.file());
    }
}
