package org.claimx.slots;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimx.nlp.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which papers the benchmark cues of rules/lexicon/benchmark-cues.tsv take for papers that introduce a benchmark or dataset. */
class PaperKindTest {
    private static final PaperKind KIND = PaperKind.load(Path.of("rules/lexicon/benchmark-cues.tsv"));

    @Test
    void aTitleThatNamesABenchmarkOrDataset() {
        assertTrue(KIND.introducesBenchmark("PrunoBench: A Benchmark for Pruned Vision Models", "We study pruning."));
        assertTrue(KIND.introducesBenchmark("A Large Corpus of Lecture Transcripts", ""));
        assertTrue(KIND.introducesBenchmark("MathEval: measuring step-by-step reasoning", ""));
    }

    @Test
    void anAbstractThatIntroducesOne() {
        assertTrue(KIND.introducesBenchmark("Measuring tool use",
                "We present a new suite of 1,200 tasks and an evaluation dataset for agents."));
        assertTrue(KIND.introducesBenchmark("Measuring tool use", "This work introduces ToolQA, a benchmark of tool questions."));
    }

    @Test
    void aMethodPaperThatOnlyEvaluatesOnBenchmarks() {
        assertFalse(KIND.introducesBenchmark("Fast pruning for vision transformers",
                "We propose PrunoNet. On three benchmarks it cuts latency by 41%. Our method beats the best baseline."));
        // Capitals matter for a name's suffix: "bench" inside a lower-case word is no name.
        assertFalse(KIND.introducesBenchmark("Workbench-free training of adapters", "We train adapters."));
        // The cue must be in the sentence that introduces: a benchmark named two sentences later does not count.
        assertFalse(KIND.introducesBenchmark("Sparse attention", "We propose SpAtt. It runs fast. Results on a benchmark follow."));
    }

    @Test
    void aBadRowNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("benchmark-cues.tsv");
        Files.writeString(f, "# cues\ntitle\tbench\nbody\tx\n");
        RuleException e = assertThrows(RuleException.class, () -> PaperKind.load(f));
        assertTrue(e.getMessage().contains("benchmark-cues.tsv") && e.getMessage().contains("3"), e.getMessage());
    }
}
