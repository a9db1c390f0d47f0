package org.claimx.io;

import static org.claimx.io.TestInputs.errors;
import static org.claimx.io.TestInputs.papers;
import static org.claimx.io.TestInputs.readDirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {
    private final JsonlReader reader = new JsonlReader();

    @Test
    void readsRealPapersExactly() throws IOException {
        List<InputRecord> records = readDirect(reader, "papers.jsonl");
        List<Paper> expected = TestInputs.jacksonPapers("papers.jsonl");
        assertEquals(5, records.size());
        assertEquals(expected.size(), papers(records).size());
        for (int i = 0; i < expected.size(); i++) {
            TestInputs.assertSamePaper(expected.get(i), papers(records).get(i));
            assertEquals(i + 1, records.get(i).line());
            assertEquals(TestInputs.arg("papers.jsonl"), records.get(i).source());
        }
        Paper first = papers(records).get(0);
        assertEquals("853a153b1aba", first.id());
        assertEquals("AgentCoder: Multi-Agent-based Code Generation with Iterative Testing and Optimisation", first.title());
        assertTrue(first.abstractText().startsWith("The advancement of natural language processing (NLP) has been"));
    }

    @Test
    void everyBadLineIsAnErrorNamingItsLineAndReason() throws IOException {
        List<InputRecord> records = readDirect(reader, "bad.jsonl");
        // 22 lines, two of them blank: 20 records, each a paper or an error.
        assertEquals(20, records.size());
        assertEquals(records.size(), papers(records).size() + errors(records).size());

        Map<Long, String> expectedErrors = Map.ofEntries(
                Map.entry(2L, "malformed JSON"),
                Map.entry(3L, "not a JSON object but an array"),
                Map.entry(4L, "not a JSON object but a string"),
                Map.entry(5L, "no id"),
                Map.entry(6L, "no abstract"),
                Map.entry(7L, "abstract is null"),
                Map.entry(8L, "abstract is a number, not a string"),
                Map.entry(9L, "empty abstract"),
                Map.entry(12L, "id is a boolean, not a string or number"),
                Map.entry(13L, "malformed JSON: Duplicate field 'abstract'"),
                Map.entry(14L, "content after the JSON object"),
                Map.entry(17L, "empty id"),
                Map.entry(18L, "title is an array, not a string"),
                Map.entry(19L, "empty abstract"),
                Map.entry(21L, "not a JSON object but null"));
        List<ReadError> errors = errors(records);
        assertEquals(expectedErrors.size(), errors.size());
        for (ReadError e : errors) {
            String want = expectedErrors.get(e.line());
            assertTrue(want != null, "unexpected error at line " + e.line() + ": " + e.reason());
            assertTrue(e.reason().startsWith(want), "line " + e.line() + ": " + e.reason());
            assertFalse(e.reason().contains("\n"), "one-line reason");
            assertEquals(TestInputs.arg("bad.jsonl"), e.source());
        }

        List<Paper> papers = papers(records);
        assertEquals(List.of("a1", "2401.10200", "a16", "a20", "7"), papers.stream().map(Paper::id).toList());
        assertEquals(List.of(1L, 11L, 16L, 20L, 22L),
                records.stream().filter(r -> r instanceof PaperRecord).map(InputRecord::line).toList());
        Paper a1 = papers.get(0);
        assertEquals("Good one", a1.title());
        assertEquals("We get a 2x speedup.", a1.abstractText());
        assertEquals(Map.of("year", 2024), a1.extra());
        assertEquals("", papers.get(2).title(), "null title reads as empty");
        assertEquals(Map.of(), papers.get(2).extra(), "a null extra field carries nothing");
        assertEquals("Ends with CRLF.", papers.get(3).abstractText());
        assertEquals(Map.of("meta", Map.of("k", java.util.Arrays.asList(1, 2.5, null))), papers.get(4).extra());
    }

    @Test
    void invalidUtf8IsAnErrorForThatLineOnly() throws IOException {
        List<InputRecord> records = readDirect(reader, "invalid-utf8.jsonl");
        assertEquals(6, records.size());
        assertEquals(List.of("u1", "u4"), papers(records).stream().map(Paper::id).toList());
        assertEquals("Résumé café — ok", papers(records).get(0).abstractText());
        assertEquals("日本語 ok", papers(records).get(1).abstractText());
        List<ReadError> errors = errors(records);
        assertEquals(List.of(2L, 3L, 5L, 6L), errors.stream().map(ReadError::line).toList());
        assertEquals(List.of("invalid UTF-8 at byte 27", "invalid UTF-8 at byte 32", "invalid UTF-8 at byte 27",
                "invalid UTF-8 at byte 33"), errors.stream().map(ReadError::reason).toList());
    }

    @Test
    void numericIdIsKeptAsWritten() throws IOException {
        List<InputRecord> records = read("{\"id\": 1e5, \"abstract\": \"a\"}\n{\"id\": -0012, \"abstract\": \"b\"}\n");
        // -0012 is not valid JSON (leading zeros); 1e5 is kept as written, not as 100000.0.
        assertEquals("1e5", ((PaperRecord) records.get(0)).paper().id());
        assertTrue(records.get(1) instanceof ReadError);
    }

    @Test
    void overlongLineIsAnErrorAndReadingGoesOn() throws IOException {
        byte[] big = new byte[JsonlReader.MAX_LINE + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        String good = "{\"id\":\"ok\",\"abstract\":\"fine\"}\n";
        byte[] all = concat(big, "\n".getBytes(StandardCharsets.UTF_8), good.getBytes(StandardCharsets.UTF_8));
        List<InputRecord> records = read(all);
        assertEquals(2, records.size());
        assertEquals(new ReadError("t", 1, "line longer than " + JsonlReader.MAX_LINE + " bytes (--max-line-bytes)"), records.get(0));
        assertEquals("ok", ((PaperRecord) records.get(1)).paper().id());
        assertEquals(2, records.get(1).line());
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertEquals(List.of(), read("\n\n  \n"));
    }

    @Test
    void recognizesObjectsOnly() {
        assertTrue(reader.recognizes(new Head(" \n {\"id\":1}".getBytes(StandardCharsets.UTF_8))));
        assertFalse(reader.recognizes(new Head("[{\"id\":1}]".getBytes(StandardCharsets.UTF_8))));
        assertFalse(reader.recognizes(new Head(new byte[0])));
    }

    private List<InputRecord> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<InputRecord> read(byte[] bytes) throws IOException {
        PaperReader.Cursor c = reader.open(new InputSource("t", "t", new ByteArrayInputStream(bytes)));
        List<InputRecord> out = new java.util.ArrayList<>();
        for (InputRecord r; (r = c.next()) != null; ) out.add(r);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
