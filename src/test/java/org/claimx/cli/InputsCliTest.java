package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimx.io.ClaimSchema;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real inputs through extract, and bad ones: each bad record is one error record, and the rest comes through. */
class InputsCliTest {
    @ParameterizedTest
    @ValueSource(strings = {"kaggle-arxiv.jsonl", "openalex-works.jsonl", "openalex-page.json", "s2-papers.jsonl",
            "hf-daily.json", "arxiv-atom.xml", "papers.csv", "papers.tsv", "papers.jsonl", "abstract.txt", "dev.papers.jsonl"})
    void eachFormatGoesThroughExtractAndItsOutputFollowsTheSchema(String sample) throws Exception {
        CliTest.Run r = CliTest.run("extract", "testdata/inputs/" + sample);
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        assertEquals(List.of(), ClaimSchema.problems(r.out()));
        Set<String> papers = new LinkedHashSet<>();
        for (String line : r.out().split("\n")) if (!line.isBlank()) papers.add(Json.mapper().readTree(line).get("paper").asText());
        assertFalse(papers.isEmpty(), sample + " gave no claim at all: " + r.err());
    }

    @Test
    void groupedOutputHasOneRecordPerPaperReadEvenWithoutClaims() throws Exception {
        CliTest.Run r = CliTest.run("extract", "--group", "paper", "testdata/inputs/kaggle-arxiv.jsonl");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        int claims = 0;
        for (String l : lines) {
            JsonNode n = Json.mapper().readTree(l);
            assertTrue(n.get("claims").isArray(), l);
            claims += n.get("claims").size();
            for (JsonNode c : n.get("claims")) assertEquals(n.get("paper"), c.get("paper"));
        }
        CliTest.Run flat = CliTest.run("extract", "testdata/inputs/kaggle-arxiv.jsonl");
        assertEquals(flat.out().split("\n").length, claims, "grouping loses no claim");
        CliTest.Run json = CliTest.run("extract", "--group", "paper", "--format", "json", "testdata/inputs/kaggle-arxiv.jsonl");
        assertEquals(3, Json.mapper().readTree(json.out()).size());
    }

    @Test
    void everyBadInputIsAnErrorRecordAndEverythingElseComesThrough(@TempDir Path dir) throws Exception {
        String good1 = "{\"id\":\"good1\",\"title\":\"T\",\"abstract\":\"Our method is 2.4x faster than FlashAttention.\"}";
        String good2 = "{\"id\":\"good2\",\"title\":\"T\",\"abstract\":\"It reduces memory by up to 73%.\"}";
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        List<String> lines = List.of(good1,
                "{\"id\":\"m1\", \"abstract\": ",                                   // 2 malformed JSON
                "{\"title\":\"T\",\"abstract\":\"It is 2x faster.\"}",              // 3 no id
                "{\"id\":\"m3\",\"title\":\"T\"}",                                   // 4 no abstract
                "{\"id\":\"m4\",\"abstract\":null}",                                 // 5 null abstract
                "{\"id\":\"m5\",\"abstract\":\"   \"}",                              // 6 empty abstract
                "{\"id\":\"m6\",\"abstract\":42}",                                   // 7 wrong type
                "{\"id\":[1],\"abstract\":\"x\"}",                                   // 8 wrong type of id
                "INVALID",                                                           // 9 invalid UTF-8 (bytes below)
                "{\"id\":\"m9\",\"abstract\":\"a NUL \\u0000 inside, 3x faster\"}",  // 10 NUL character
                good2);
        for (String l : lines) {
            if (l.equals("INVALID")) mixed.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
            else mixed.write(l.getBytes(StandardCharsets.UTF_8));
            mixed.write('\n');
        }
        Path mixedFile = dir.resolve("mixed.jsonl");
        Files.write(mixedFile, mixed.toByteArray());
        Path big = dir.resolve("big.jsonl");
        Files.writeString(big, "{\"id\":\"big\",\"abstract\":\"" + "word ".repeat(1_000_000) + "\"}\n"
                + "{\"id\":\"good3\",\"abstract\":\"We gain 3.2 points on GSM8K.\"}\n");
        Path binary = dir.resolve("image.png");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path empty = dir.resolve("empty.txt");
        Files.write(empty, new byte[0]);
        Path html = dir.resolve("page.html");
        Files.writeString(html, "<!DOCTYPE html><html><body><p>It is 2.4x faster.</p></body></html>\n");
        Path errors = dir.resolve("errors.jsonl");

        CliTest.Run r = CliTest.run("extract", "--errors", errors.toString(), mixedFile.toString(), big.toString(),
                binary.toString(), empty.toString(), html.toString(), "testdata/inputs/truncated.jsonl.gz");
        assertEquals(1, r.code(), "some records failed, all others written");
        assertFalse(r.err().contains("\tat "), "no stack trace");

        List<String[]> expected = List.of(
                new String[] {mixedFile.toString(), "2", "malformed JSON"},
                new String[] {mixedFile.toString(), "3", "no id"},
                new String[] {mixedFile.toString(), "4", "no abstract"},
                new String[] {mixedFile.toString(), "5", "abstract is null"},
                new String[] {mixedFile.toString(), "6", "empty abstract"},
                new String[] {mixedFile.toString(), "7", "abstract is a number, not a string"},
                new String[] {mixedFile.toString(), "8", "id is an array, not a string or number"},
                new String[] {mixedFile.toString(), "9", "invalid UTF-8"},
                new String[] {mixedFile.toString(), "10", "paper m9: NUL character in the abstract"},
                new String[] {big.toString(), "1", "paper big: abstract of 5000000 characters, over the limit of 1000000"},
                new String[] {binary.toString(), "1", "invalid UTF-8"},
                new String[] {empty.toString(), "1", "empty file"},
                new String[] {html.toString(), "1", "unknown input format: markup (XML or HTML) that is not an arXiv Atom feed"},
                new String[] {"testdata/inputs/truncated.jsonl.gz", "19", "gzip data ends early (truncated file)"});
        List<JsonNode> records = new ArrayList<>();
        for (String l : Files.readAllLines(errors)) records.add(Json.mapper().readTree(l));
        assertEquals(expected.size(), records.size(), Files.readString(errors));
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i);
            JsonNode got = records.get(i);
            assertEquals(e[0], got.get("source").asText(), got.toString());
            assertEquals(Long.parseLong(e[1]), got.get("line").asLong(), got.toString());
            assertTrue(got.get("reason").asText().startsWith(e[2]), got.toString());
            assertTrue(r.err().contains("claimx: error: " + e[0] + ":" + e[1] + ": " + e[2]), r.err());
        }

        // The good papers came through: two of the mixed file, one after the huge abstract, 18 of the truncated file.
        Set<String> papers = new LinkedHashSet<>();
        for (String line : r.out().split("\n")) papers.add(Json.mapper().readTree(line).get("paper").asText());
        assertTrue(papers.containsAll(List.of("good1", "good2", "good3")), papers.toString());
        // Every record is accounted for: 11 + 2 + 1 + 1 + 1 + 19 records read = papers + errors.
        int read = lines.size() + 2 + 1 + 1 + 1 + 19;
        var m = java.util.regex.Pattern.compile("papers (\\d+), claims (\\d+), errors (\\d+)").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(expected.size(), Integer.parseInt(m.group(3)));
        assertEquals(read, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(3)), r.err());
        assertEquals(r.out().split("\n").length, Integer.parseInt(m.group(2)));
    }

    @Test
    void limitsAreConfigurableAndNamedInTheError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"abstract\":\"" + "x".repeat(300) + " is 2x faster.\"}\n{\"id\":\"b\",\"abstract\":\"It is 3x faster.\"}\n");
        CliTest.Run chars = CliTest.run("extract", "--max-abstract-chars", "100", f.toString());
        assertEquals(1, chars.code());
        assertTrue(chars.err().contains(":1: paper a: abstract of 314 characters, over the limit of 100 (--max-abstract-chars)"), chars.err());
        assertTrue(chars.out().contains("\"paper\":\"b\""), chars.out());
        CliTest.Run bytes = CliTest.run("extract", "--max-line-bytes", "200", f.toString());
        assertEquals(1, bytes.code());
        assertTrue(bytes.err().contains(":1: line longer than 200 bytes (--max-line-bytes)"), bytes.err());
        CliTest.Run bad = CliTest.run("extract", "--max-line-bytes", "0", f.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("claimx: the maximum line length must be a positive number of bytes: 0"), bad.err());
    }

    @Test
    void nestedFieldPathsGoThroughExtract() throws Exception {
        CliTest.Run r = CliTest.run("extract", "--id-field", "meta.arxiv", "--title-field", "text.heading",
                "--abstract-field", "text.body", "testdata/inputs/custom-fields.jsonl");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(), ClaimSchema.problems(r.out()));
        assertTrue(r.out().contains("\"paper\":\"2309.03824\""), r.out());
        CliTest.Run bad = CliTest.run("extract", "--id-field", "meta..arxiv", "testdata/inputs/custom-fields.jsonl");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("claimx: not a field path: 'meta..arxiv'"), bad.err());
    }

    @Test
    void anUnknownInputFormatIsAUsageErrorInOneLine() {
        CliTest.Run r = CliTest.run("extract", "--input-format", "xml", "testdata/inputs/papers.jsonl");
        assertEquals(2, r.code());
        assertEquals("claimx: unknown input format 'xml'; expected one of jsonl, json, atom, pages, csv, text", r.err().strip());
    }
}
