package org.claimx.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final Map<String, JsonNode> PAPERS = read();
    private static final List<JsonNode> GOLD = claims();

    private static Map<String, JsonNode> read() {
        try {
            return ClaimsFile.readPapers(Path.of("testdata/gold/dev.papers.jsonl"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> claims() {
        try {
            return ClaimsFile.readClaims(Path.of("testdata/gold/dev.claims.jsonl"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every other gold claim, with the method of every third of those blanked: some missed, some wrong. */
    private static List<JsonNode> worse() {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < GOLD.size(); i += 2) {
            var c = GOLD.get(i).deepCopy();
            if (i % 3 == 0) ((com.fasterxml.jackson.databind.node.ObjectNode) c).putNull("method");
            out.add(c);
        }
        return out;
    }

    @Test
    void countsGiveTheScorersFigures() {
        List<JsonNode> pred = worse();
        ScoreReport r = Scorer.score(PAPERS, GOLD, pred);
        Bootstrap.Counts c = Bootstrap.counts(PAPERS, GOLD, pred);
        assertEquals(PAPERS.size(), c.papers());
        assertEquals(r.detection().f(), c.detection(), 1e-12);
        assertEquals(r.tuple().f(), c.tuple(), 1e-12);
    }

    @Test
    void intervalsHoldTheFigureAndWidenWithFewerClaims() {
        Bootstrap.Counts perfect = Bootstrap.counts(PAPERS, GOLD, GOLD);
        Bootstrap.Interval[] p = Bootstrap.intervals(perfect);
        assertEquals(new Bootstrap.Interval(1.0, 1.0), p[0]);
        assertEquals(new Bootstrap.Interval(1.0, 1.0), p[1]);
        Bootstrap.Counts c = Bootstrap.counts(PAPERS, GOLD, worse());
        Bootstrap.Interval[] i = Bootstrap.intervals(c);
        assertTrue(i[0].low() < c.detection() && c.detection() < i[0].high(), i[0] + " " + c.detection());
        assertTrue(i[1].low() < c.tuple() && c.tuple() < i[1].high(), i[1] + " " + c.tuple());
        assertTrue(i[1].high() < 1.0 && i[1].low() > 0.0, i[1].toString());
        // A quarter of the papers leaves the figures freer to move.
        Map<String, JsonNode> quarter = new java.util.LinkedHashMap<>();
        PAPERS.entrySet().stream().limit(PAPERS.size() / 4).forEach(e -> quarter.put(e.getKey(), e.getValue()));
        Bootstrap.Interval[] q = Bootstrap.intervals(Bootstrap.counts(quarter, GOLD, worse()));
        assertTrue(q[1].high() - q[1].low() > i[1].high() - i[1].low(), q[1] + " against " + i[1]);
        assertTrue(q[0].high() - q[0].low() > i[0].high() - i[0].low(), q[0] + " against " + i[0]);
    }

    @Test
    void aPairedDifferenceOfARunWithItselfIsZeroAndOfABetterRunIsAboveZero() {
        Bootstrap.Counts c = Bootstrap.counts(PAPERS, GOLD, worse());
        Bootstrap.Interval[] same = Bootstrap.difference(c, c);
        assertEquals(new Bootstrap.Interval(0.0, 0.0), same[0]);
        assertEquals(new Bootstrap.Interval(0.0, 0.0), same[1]);
        Bootstrap.Interval[] better = Bootstrap.difference(Bootstrap.counts(PAPERS, GOLD, GOLD), c);
        assertTrue(better[0].low() > 0 && better[1].low() > 0, better[0] + " " + better[1]);
        Bootstrap.Interval[] worseRun = Bootstrap.difference(c, Bootstrap.counts(PAPERS, GOLD, GOLD));
        assertTrue(worseRun[0].high() < 0 && worseRun[1].high() < 0, worseRun[0] + " " + worseRun[1]);
    }
}
