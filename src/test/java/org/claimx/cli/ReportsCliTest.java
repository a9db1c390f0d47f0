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
        assertTrue(md.out().contains("| # | method | value | precision | confidence | paper | evidence |"), md.out());
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

    /** Runs claimx with {@code stdin} as standard input. */
    static CliTest.Run withStdin(byte[] stdin, String... args) {
        java.io.InputStream old = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(stdin));
            return CliTest.run(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void extractPipedIntoLeaderboardAndAuditGivesWhatAFileGives(@TempDir Path dir) throws Exception {
        Path claims = dir.resolve("claims.jsonl");
        Files.writeString(claims, CliTest.run("extract", "-q", DEV).out());
        byte[] bytes = Files.readAllBytes(claims);
        for (String command : new String[] {"leaderboard", "audit"}) {
            CliTest.Run file = CliTest.run(command, claims.toString());
            CliTest.Run piped = withStdin(bytes, command, "-");
            assertEquals(0, piped.code(), piped.err());
            assertEquals(file.out(), piped.out(), command);
        }
        // Papers piped in are extracted, as from a file.
        byte[] papers = Files.readAllBytes(Path.of(DEV));
        assertEquals(CliTest.run("leaderboard", DEV).out(), withStdin(papers, "leaderboard", "-").out());
    }

    @Test
    void aFifoIsReadLikeAFile(@TempDir Path dir) throws Exception {
        Path claims = dir.resolve("claims.jsonl");
        Files.writeString(claims, CliTest.run("extract", "-q", DEV).out());
        Path fifo = dir.resolve("fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Thread writer = new Thread(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                out.write(Files.readAllBytes(claims));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        CliTest.Run viaFifo = CliTest.run("leaderboard", fifo.toString());
        writer.join(30_000);
        assertEquals(0, viaFifo.code(), viaFifo.err());
        assertEquals(CliTest.run("leaderboard", claims.toString()).out(), viaFifo.out());
    }

    @Test
    void aFilterThatMatchesNothingSaysSoAndExitsThree() {
        CliTest.Run r = CliTest.run("leaderboard", "--dataset", "NOPE", DEV);
        assertEquals(LeaderboardCommand.NOTHING_MATCHED, r.code(), r.err());
        assertTrue(r.err().contains("no board matches --dataset 'NOPE'"), r.err());
        assertTrue(r.out().contains("No board matches --dataset 'NOPE'."), r.out());
        CliTest.Run help = CliTest.run("leaderboard", "--help");
        assertTrue(help.out().contains("Exit status") && help.out().contains("3   the filters"), help.out());
        // No filter and nothing to rank is not that case.
        assertEquals(2, CliTest.run("leaderboard", "--min-confidence", "1.5", DEV).code());
    }

    @Test
    void rowsCarryConfidenceAndPaperLinkAndMinConfidenceFilters(@TempDir Path dir) throws Exception {
        Path papers = dir.resolve("linked.jsonl");
        Files.writeString(papers, String.join("\n",
                "{\"id\": \"2401.00001\", \"title\": \"Alpha: A Model\", \"abstract\": \"Alpha achieves 71.2% accuracy on GSM8K.\"}",
                "{\"id\": \"https://openalex.org/W1\", \"title\": \"Beta: A Model\", \"abstract\": \"Beta achieves 74.9% accuracy on GSM8K.\"}",
                "{\"id\": \"abc123\", \"doi\": \"10.1000/xyz\", \"title\": \"Gamma: A Model\", \"abstract\": \"Gamma achieves 69.0% accuracy on GSM8K.\"}",
                "{\"paperId\": \"ffee\", \"externalIds\": {\"ArXiv\": \"2402.00002\"}, \"title\": \"Delta: A Model\", \"abstract\": \"Delta achieves 70.5% accuracy on GSM8K.\"}",
                "{\"id\": \"5276e32d2930\", \"title\": \"Eps: A Model\", \"abstract\": \"Eps achieves 60.5% accuracy on GSM8K.\"}", ""));
        JsonNode root = Json.mapper().readTree(CliTest.run("leaderboard", "--format", "json", papers.toString()).out());
        java.util.Map<String, String> urls = new java.util.TreeMap<>();
        java.util.List<Double> confidences = new java.util.ArrayList<>();
        for (JsonNode d : root.get(0).get("datasets")) {
            for (JsonNode row : d.get("sota").get("rows")) {
                urls.put(row.get("paper_id").asText(), row.get("paper_url").asText(null));
                assertTrue(row.get("confidence").isNumber(), row.toString());
                confidences.add(row.get("confidence").asDouble());
            }
        }
        assertEquals("https://arxiv.org/abs/2401.00001", urls.get("2401.00001"), urls.toString());
        assertEquals("https://openalex.org/W1", urls.get("https://openalex.org/W1"), urls.toString());
        assertEquals("https://doi.org/10.1000/xyz", urls.get("abc123"), urls.toString());
        assertEquals("https://arxiv.org/abs/2402.00002", urls.get("ffee"), urls.toString());
        assertTrue(urls.containsKey("5276e32d2930") && urls.get("5276e32d2930") == null, "no link is guessed: " + urls);
        CliTest.Run md = CliTest.run("leaderboard", papers.toString());
        assertTrue(md.out().contains("| # | method | value | precision | confidence | paper | evidence |"), md.out());
        assertTrue(md.out().contains("[2401.00001](https://arxiv.org/abs/2401.00001)"), md.out());
        double cut = confidences.stream().sorted().toList().get(confidences.size() / 2);
        CliTest.Run high = CliTest.run("leaderboard", "--format", "csv", "--min-confidence", Double.toString(cut), papers.toString());
        com.fasterxml.jackson.dataformat.csv.CsvMapper csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        int kept = 0;
        try (com.fasterxml.jackson.databind.MappingIterator<java.util.Map<String, String>> it = csv.readerFor(java.util.Map.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(high.out())) {
            while (it.hasNext()) {
                kept++;
                assertTrue(Double.parseDouble(it.next().get("confidence")) >= cut - 0.005);
            }
        }
        assertTrue(kept > 0 && kept < confidences.size() + 1, high.out());
    }

    @Test
    void auditHtmlShowsTheSentenceOfEachFinding() {
        CliTest.Run html = CliTest.run("audit", "--format", "html", DEV);
        CliTest.Run md = CliTest.run("audit", DEV);
        String sentence = md.out().lines().filter(l -> l.startsWith("  - ")).findFirst().orElseThrow();
        String text = sentence.substring(sentence.indexOf("»: ") + 3);
        assertTrue(html.out().contains("<q class=\"sentence\">" + org.owasp.encoder.Encode.forHtml(text) + "</q>"), text);
    }
}
