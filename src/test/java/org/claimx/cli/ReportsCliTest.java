package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** leaderboard and audit on the dev papers, in every format, from papers and from extract's claims alike. */
class ReportsCliTest {
    private static final String DEV = "testdata/inputs/dev.papers.jsonl";

    @Test
    void leaderboardWritesEveryFormat() throws Exception {
        CliTest.Run md = CliTest.run("leaderboard", DEV);
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().startsWith("# Leaderboards\n"), md.out());
        assertTrue(md.out().contains("| # | method | value | precision | paper | evidence |"), md.out());
        assertTrue(md.err().matches("(?s).*papers \\d+, boards [1-9]\\d*, rows [1-9]\\d*, errors 0\\s*"), md.err());
        CliTest.Run csv = CliTest.run("leaderboard", "--format", "csv", DEV);
        assertTrue(csv.out().startsWith("dataset,metric,better,rank,method,number,unit,"), csv.out());
        CliTest.Run json = CliTest.run("leaderboard", "--format", "json", DEV);
        JsonNode root = Json.mapper().readTree(json.out());
        assertTrue(root.get(0).get("datasets").size() > 0);
        CliTest.Run html = CliTest.run("leaderboard", "--format", "html", DEV);
        assertTrue(html.out().startsWith("<!DOCTYPE html>") && html.out().contains("<table class=\"sortable board\">"));
        CliTest.Run one = CliTest.run("leaderboard", "--dataset", "gsm8k", "--format", "csv", DEV);
        for (String line : one.out().split("\n")) {
            assertTrue(line.startsWith("dataset,") || line.toLowerCase().startsWith("gsm8k,"), line);
        }
    }

    @Test
    void auditWritesEveryFormatAndReadsClaimsAsWellAsPapers(@TempDir Path dir) throws Exception {
        CliTest.Run md = CliTest.run("audit", DEV);
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().startsWith("# Audit\n"), md.out());
        CliTest.Run json = CliTest.run("audit", "--format", "json", DEV);
        JsonNode root = Json.mapper().readTree(json.out());
        int findings = 0;
        for (JsonNode p : root) {
            for (JsonNode f : p.get("findings")) {
                findings++;
                assertTrue(org.claimx.report.Audit.KINDS.contains(f.get("kind").asText()), f.toString());
                assertTrue(f.get("spans").size() > 0, f.toString());
            }
        }
        assertTrue(findings > 0);
        CliTest.Run html = CliTest.run("audit", "--format", "html", DEV);
        assertTrue(html.out().contains("<table class=\"sortable audit\">"));
        // From extract's claims: the same findings as from the papers, but for the two kinds that read the
        // whole abstract (a comparison or a word about quantization anywhere in it), which from claims
        // alone see only the claims' sentences.
        Path claims = dir.resolve("claims.jsonl");
        Files.writeString(claims, CliTest.run("extract", "-q", "--group", "paper", DEV).out());
        CliTest.Run fromClaims = CliTest.run("audit", "--format", "json", claims.toString());
        assertEquals(claimOnly(root), claimOnly(Json.mapper().readTree(fromClaims.out())));
        assertTrue(!claimOnly(root).isEmpty());
    }

    private static java.util.Set<String> claimOnly(JsonNode audit) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode p : audit) {
            for (JsonNode f : p.get("findings")) {
                String kind = f.get("kind").asText();
                if (kind.equals("unanchored-relative") || kind.equals("quantized-speedup-without-precision")) continue;
                out.add(p.get("paper").asText() + " " + f.get("message").asText());
            }
        }
        return out;
    }

    @Test
    void badFormatsAndMissingInputsAreUsageErrors() {
        assertEquals(2, CliTest.run("leaderboard", "--format", "pdf", DEV).code());
        assertEquals(2, CliTest.run("audit", "--format", "csv", DEV).code());
        CliTest.Run missing = CliTest.run("audit", "no-such.jsonl");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("claimx: no such input file: no-such.jsonl"), missing.err());
    }
}
