package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One paper that the engine cannot handle, or not in time, costs that paper and nothing else. */
class BadPapersCliTest {
    static final String GOOD_1 = "Compared to competitive baselines, our method achieves 22.4x faster prefill speed on average.";
    static final String GOOD_2 = "We reduce the latency of attention by 35% compared to FlashAttention.";
    /** Once a StackOverflowError in java.util.regex that ended the run: 1,600 times "1 x ", and 10 KB of "10x". */
    static final String GRID = "The grid is " + "1 x ".repeat(1600);
    static final String TENS = "10x".repeat(3400);

    static String line(String id, String abstractText) throws Exception {
        return Json.mapper().writeValueAsString(Map.of("id", id, "title", "", "abstract", abstractText)) + "\n";
    }

    static Set<String> papersWithClaims(String out) throws Exception {
        Set<String> papers = new LinkedHashSet<>();
        for (String l : out.split("\n")) if (!l.isBlank()) papers.add(Json.mapper().readTree(l).get("paper").asText());
        return papers;
    }

    @Test
    void pathologicalAbstractsBetweenGoodPapersCostNothingElse(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("papers.jsonl");
        Files.writeString(in, line("good-1", GOOD_1) + line("grid", GRID) + line("tens", TENS) + line("good-2", GOOD_2));
        Path errors = dir.resolve("errors.jsonl");
        for (String threads : List.of("1", "2")) {
            CliTest.Run r = CliTest.run("extract", "--threads", threads, "--errors", errors.toString(), in.toString());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("Error:"), r.err());
            Set<String> papers = papersWithClaims(r.out());
            assertTrue(papers.containsAll(List.of("good-1", "good-2")), r.out());
            papers.removeAll(List.of("grid", "tens"));
            assertEquals(List.of("good-1", "good-2"), new ArrayList<>(papers));
            // Handled now, not errors; were either one an error, the status would say so.
            long errorRecords = Files.readAllLines(errors).size();
            assertEquals(errorRecords > 0 ? 1 : 0, r.code(), r.err());
            assertEquals(0, errorRecords, Files.readString(errors));
        }
    }

    @Test
    void aPaperPastTheTimeBudgetIsAnErrorRecordNamingItAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        // 390 unknown tokens in one sentence keep the tagger busy for about a second; five such sentences
        // some seconds. An ordinary paper takes milliseconds, a hundred or so on a busy machine.
        String slow = ("We quantize to " + "W4A8 ".repeat(390) + "and more. ").repeat(5).strip();
        Path in = dir.resolve("papers.jsonl");
        Files.writeString(in, line("good-1", GOOD_1) + line("slow", slow) + line("good-2", GOOD_2));
        Path errors = dir.resolve("errors.jsonl");
        CliTest.Run r = CliTest.run("extract", "--max-paper-ms", "1000", "--errors", errors.toString(), in.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("claimx: error: " + in + ":2: paper slow: extraction took longer than 1000 ms (--max-paper-ms)"
                + " and was given up\n"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        List<String> lines = Files.readAllLines(errors);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode e = Json.mapper().readTree(lines.get(0));
        assertEquals(in.toString(), e.get("source").asText());
        assertEquals(2, e.get("line").asLong());
        assertTrue(e.get("reason").asText().startsWith("paper slow: extraction took longer than 1000 ms"), lines.get(0));
        assertEquals(Set.of("good-1", "good-2"), papersWithClaims(r.out()));
    }

    @Test
    void aBudgetThatIsNotPositiveIsAUsageError() {
        CliTest.Run r = CliTest.run("extract", "--max-paper-ms", "0", "testdata/inputs/example.jsonl");
        assertEquals(2, r.code());
        assertEquals("claimx: --max-paper-ms must be at least 1: 0\n", r.err());
    }
}
