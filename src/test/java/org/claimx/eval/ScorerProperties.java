package org.claimx.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScorerProperties {
    private static final Map<String, JsonNode> PAPERS;
    private static final List<JsonNode> GOLD;

    static {
        try {
            PAPERS = ClaimsFile.readPapers(Path.of("testdata", "gold", "dev.papers.jsonl"));
            GOLD = ClaimsFile.readClaims(Path.of("testdata", "gold", "dev.claims.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Set<Integer>> goldIndices() {
        return Arbitraries.subsetOf(IntStream.range(0, GOLD.size()).boxed().toList());
    }

    @Property(tries = 300)
    void anySubsetOfGoldIsAllPrecisionAndProportionalRecall(@ForAll("goldIndices") Set<Integer> picked,
            @ForAll long seed) {
        List<JsonNode> pred = new ArrayList<>();
        for (int i : picked) pred.add(GOLD.get(i));
        Collections.shuffle(pred, new java.util.Random(seed));
        ScoreReport r = Scorer.score(PAPERS, GOLD, pred);
        assertEquals(picked.isEmpty() ? 0.0 : 1.0, r.detection().p(), 1e-12);
        assertEquals((double) picked.size() / GOLD.size(), r.detection().r(), 1e-12);
        // no tuple assertion: matching ignores slots, so a kept claim can pair with a gold twin of the
        // same value and other slots (dev claim 51 "3-4 bits" alone gives tuple P 0.0 in the python too)
        assertEquals(picked.size(), r.matched());
        assertEquals(0, r.spurious().size());
    }
}
