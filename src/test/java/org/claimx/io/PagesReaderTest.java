package org.claimx.io;

import static org.claimx.io.TestInputs.errors;
import static org.claimx.io.TestInputs.papers;
import static org.claimx.io.TestInputs.readDirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

class PagesReaderTest {
    private static final String PAGE = "pages/002_0f15afe55be9c32e.txt";
    private final PagesReader reader = new PagesReader();

    @Test
    void readsTheSmallestPage() throws IOException {
        List<InputRecord> records = readDirect(reader, PAGE);
        assertEquals(71, records.size());
        assertEquals(List.of(), errors(records));

        PaperRecord first = (PaperRecord) records.get(0);
        assertEquals(13, first.line(), "a paper's line is its abstract's line");
        Paper p = first.paper();
        assertEquals("20405f3d29f9", p.id());
        assertEquals("How far is Language Model from 100% Few-shot Named Entity Recognition in Medical Domain", p.title());
        assertTrue(p.abstractText().startsWith("Recent advancements in language models (LMs) have led to the emergence"));
        assertTrue(p.abstractText().endsWith("strong open baselines on the two open medical benchmark datasets"));

        PaperRecord last = (PaperRecord) records.get(records.size() - 1);
        assertEquals(293, last.line());
        assertEquals("4258348880c2", last.paper().id());
        assertEquals("MIBench: Evaluating Multimodal Large Language Models over Multiple Images", last.paper().title());
    }

    @Test
    void pagePapersAreThoseOfTheDevSet() throws IOException {
        var dev = TestInputs.jacksonPapers("dev.papers.jsonl").stream()
                .collect(java.util.stream.Collectors.toMap(Paper::id, x -> x));
        for (Paper p : papers(readDirect(reader, PAGE))) {
            assertTrue(dev.containsKey(p.id()), p.id());
            TestInputs.assertSamePaper(dev.get(p.id()), p);
            assertEquals(PaperIds.fromTitle(p.title()), p.id());
        }
    }

    @Test
    void badParagraphsAndLinesAreErrors() throws IOException {
        List<InputRecord> records = readDirect(reader, "pages-bad.txt");
        String src = TestInputs.arg("pages-bad.txt");
        List<String> got = records.stream().map(r -> r.line() + " " + (r instanceof PaperRecord pr
                ? "paper " + pr.paper().title() : ((ReadError) r).reason())).toList();
        assertEquals(List.of(
                "7 paper First Title",
                "9 paragraph right after another paragraph: no title line",
                "13 title (line 11) is not valid UTF-8",
                "15 line is not valid UTF-8",
                "19 paper Second Title",
                "23 paper First Title",
                "27 paper First Title",
                "29 abstract is not valid UTF-8",
                "31 line is not valid UTF-8"), got);
        assertEquals(records.size(), papers(records).size() + errors(records).size());
        assertTrue(records.stream().allMatch(r -> r.source().equals(src)));
        assertTrue(papers(records).get(0).abstractText().startsWith("This is paragraph A,"));
    }

    @Test
    void paragraphWithoutAnyTitle() throws IOException {
        String para = "word ".repeat(60).strip();
        List<InputRecord> records = read(para + "\n");
        assertEquals(List.of(new ReadError("t", 1, "paragraph without a title line")), records);
    }

    @Test
    void toleratesCrlfAndSurroundingSpace() throws IOException {
        String para = "word ".repeat(60).strip();
        List<InputRecord> records = read("Daily Papers\r\n\r\n  A Title  \r\n\r\n" + para + "  \r\n");
        Paper p = ((PaperRecord) records.get(0)).paper();
        assertEquals("A Title", p.title());
        assertEquals(para, p.abstractText());
        assertEquals(PaperIds.fromTitle("A Title"), p.id());
    }

    @Test
    void recognizesListingPagesByTheirFurniture() throws IOException {
        byte[] page = Files.readAllBytes(TestInputs.path(PAGE));
        assertTrue(reader.recognizes(new Head(java.util.Arrays.copyOf(page, Head.SIZE))));
        assertFalse(reader.recognizes(new Head(Files.readAllBytes(TestInputs.path("abstract.txt")))));
        assertFalse(reader.recognizes(new Head("Title\n\nSome abstract.".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void idIsShaOneOfTitle() {
        // From corpus/README.md: dev.papers.jsonl ids are the first 12 hex digits of SHA-1(title).
        assertEquals("853a153b1aba",
                PaperIds.fromTitle("AgentCoder: Multi-Agent-based Code Generation with Iterative Testing and Optimisation"));
    }

    private List<InputRecord> read(String text) throws IOException {
        PaperReader.Cursor c = reader.open(new InputSource("t", "t",
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        List<InputRecord> out = new java.util.ArrayList<>();
        for (InputRecord r; (r = c.next()) != null; ) out.add(r);
        return out;
    }
}
