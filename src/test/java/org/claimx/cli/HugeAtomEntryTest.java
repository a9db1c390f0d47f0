package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Atom feed with a 200 MB summary between ordinary entries, read by claimx in a JVM of 256 MB of
 * heap: the ordinary entries give their claims and the huge one is one error record. The feed is
 * written to claimx's standard input as it is made, so it is never whole anywhere.
 */
class HugeAtomEntryTest {
    static final long SUMMARY_BYTES = 200L * 1024 * 1024;

    @Test
    void aHugeSummaryIsAnErrorRecordAndTheEntriesAroundItComeThroughAt256MbOfHeap(@TempDir Path dir) throws Exception {
        Path errors = dir.resolve("errors.jsonl");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.claimx.cli.Main", "extract", "--rules", "rules", "--errors", errors.toString(), "-")
                .redirectOutput(dir.resolve("out.jsonl").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                feed(w);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "claimx did not end");
        feeding.get(10, TimeUnit.SECONDS);
        String err = Files.readString(dir.resolve("err.txt"));
        assertFalse(err.contains("OutOfMemoryError") || err.contains("\tat "), err);
        assertEquals(1, p.exitValue(), err);
        List<String> papers = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("out.jsonl"))) papers.add(Json.mapper().readTree(l).get("paper").asText());
        assertEquals(List.of("2401.00001", "2401.00003"), papers);
        List<String> records = Files.readAllLines(errors);
        assertEquals(1, records.size(), records.toString());
        assertTrue(records.get(0).matches("\\{\"source\":\"<stdin>\",\"line\":8,\"reason\":\"paper 2401\\.00002: abstract of \\d+"
                + " characters, over the limit of 1000000 \\(--max-abstract-chars\\)\"}"), records.get(0));
        assertTrue(err.contains("papers 2, claims 2, errors 1"), err);
    }

    private static void feed(Writer w) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        entry(w, "2401.00001", "Our method achieves 2.4x speedup over the baseline on ImageNet.");
        w.write("<entry>\n<id>http://arxiv.org/abs/2401.00002v1</id>\n<title>Huge</title>\n<summary>");
        String chunk = "We reduce latency by 35% compared to FlashAttention &amp; friends. ".repeat(100);
        for (long n = 0; n < SUMMARY_BYTES; n += chunk.length()) w.write(chunk);
        w.write("</summary>\n</entry>\n");
        entry(w, "2401.00003", "We reduce latency by 35% compared to FlashAttention.");
        w.write("</feed>\n");
    }

    private static void entry(Writer w, String id, String summary) throws IOException {
        w.write("<entry>\n<id>http://arxiv.org/abs/" + id + "v1</id>\n<title>Title</title>\n<summary>" + summary + "</summary>\n</entry>\n");
    }
}
