package org.claimx.io;

import static org.claimx.io.TestInputs.arg;
import static org.claimx.io.TestInputs.errors;
import static org.claimx.io.TestInputs.papers;
import static org.claimx.io.TestInputs.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

/** Each input format reads its real-shaped sample (testdata/inputs/, made by make_samples.py), chosen by content. */
class InputFormatsTest {
    private static List<InputRecord> read(String name) throws IOException {
        return readAll(PaperInput.open(List.of(arg(name)), null));
    }

    private static List<InputRecord> read(String name, FieldPaths paths) throws IOException {
        return readAll(PaperInput.open(List.of(arg(name)), null, System.in, new ReadOptions(paths, 1 << 20, 100_000)));
    }

    private static InputFormat detect(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(TestInputs.path(name));
        return InputFormat.detect(new Head(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, Head.SIZE))));
    }

    @Test
    void eachSampleIsDetectedAsItsFormat() throws IOException {
        assertEquals(InputFormat.JSONL, detect("kaggle-arxiv.jsonl"));
        assertEquals(InputFormat.JSONL, detect("openalex-works.jsonl"));
        assertEquals(InputFormat.JSON, detect("openalex-page.json"));
        assertEquals(InputFormat.JSONL, detect("s2-papers.jsonl"));
        assertEquals(InputFormat.JSON, detect("hf-daily.json"));
        assertEquals(InputFormat.ATOM, detect("arxiv-atom.xml"));
        assertEquals(InputFormat.CSV, detect("papers.csv"));
        assertEquals(InputFormat.CSV, detect("papers.tsv"));
        assertEquals(InputFormat.JSONL, detect("papers.jsonl"));
        assertEquals(InputFormat.TEXT, detect("abstract.txt"));
    }

    @Test
    void kaggleSnapshotKeepsItsHardWrappedTextAsGiven() throws IOException {
        List<Paper> ps = papers(read("kaggle-arxiv.jsonl"));
        assertEquals(List.of("2110.02887", "2303.06298", "2309.03824"), ps.stream().map(Paper::id).toList());
        Paper p = ps.get(0);
        assertTrue(p.title().contains("Multilingual\n Contextualized"), p.title());
        assertTrue(p.abstractText().startsWith("  Recent studies have proposed"), p.abstractText());
        assertEquals("cs.CL cs.AI", p.extra().get("categories"));
        assertTrue(p.extra().containsKey("versions") && p.extra().containsKey("update_date"), p.extra().toString());
    }

    @Test
    void openAlexAbstractsAreRebuiltFromTheInvertedIndexInPositionOrder() throws IOException {
        List<InputRecord> rs = read("openalex-works.jsonl");
        List<Paper> ps = papers(rs);
        assertEquals(2, ps.size());
        Paper p = ps.get(0);
        assertEquals("https://openalex.org/W4300000000", p.id());
        assertTrue(p.abstractText().startsWith("This paper presents our proposed approach that won the first"), p.abstractText());
        assertEquals(132, p.abstractText().split(" ").length);
        assertEquals("2309.03965", p.extra().get("arxiv_id"));
        assertEquals("https://doi.org/10.48550/arxiv.2309.03965", p.extra().get("doi"));
        assertTrue(!p.extra().containsKey("abstract_inverted_index"), "the index is the abstract, not an extra field");
        assertEquals(List.of(new ReadError(arg("openalex-works.jsonl"), 3,
                "abstract_inverted_index is null (OpenAlex has no abstract for this work)")), errors(rs));
    }

    @Test
    void anOpenAlexApiPageGivesOnePaperPerResult() throws IOException {
        List<InputRecord> rs = read("openalex-page.json");
        assertEquals(List.of("https://openalex.org/W4300000020", "https://openalex.org/W4300000021"),
                papers(rs).stream().map(Paper::id).toList());
        assertTrue(papers(rs).get(0).abstractText().startsWith("Generative retrieval shed light"));
        assertEquals(163, papers(rs).get(0).abstractText().split(" ").length);
    }

    @Test
    void semanticScholarRecordsUsePaperIdAndANullAbstractIsAnError() throws IOException {
        List<InputRecord> rs = read("s2-papers.jsonl");
        assertEquals(List.of("0000000000000000000000000000000000abc000", "0000000000000000000000000000000000abc001"),
                papers(rs).stream().map(Paper::id).toList());
        assertTrue(papers(rs).get(0).abstractText().startsWith("Massive transformer-based models"));
        assertEquals(java.util.Map.of("ArXiv", "2311.03426", "CorpusId", 265000000), papers(rs).get(0).extra().get("externalIds"));
        assertEquals(List.of(new ReadError(arg("s2-papers.jsonl"), 3, "abstract is null")), errors(rs));
    }

    @Test
    void huggingFaceDailyPapersUseTheArxivIdAndTheSummary() throws IOException {
        List<InputRecord> rs = read("hf-daily.json");
        assertEquals(List.of("2402.01555", "2405.03420"), papers(rs).stream().map(Paper::id).toList());
        assertTrue(papers(rs).get(0).abstractText().startsWith("In this research, we present SLYKLatent"));
        assertTrue(papers(rs).get(0).title().startsWith("SLYKLatent"));
        assertEquals(List.of(2L, 19L), rs.stream().map(InputRecord::line).toList(), "records are numbered by the line they start on");
    }

    @Test
    void arxivAtomEntriesKeepTheArxivIdAndAnErrorEntryIsAnError() throws IOException {
        List<InputRecord> rs = read("arxiv-atom.xml");
        List<Paper> ps = papers(rs);
        assertEquals(List.of("2409.13661", "2410.09771"), ps.stream().map(Paper::id).toList());
        assertEquals("v2", ps.get(0).extra().get("version"));
        assertEquals("http://arxiv.org/abs/2409.13661v2", ps.get(0).extra().get("url"));
        assertEquals(List.of("cs.SE", "cs.AI", "cs.CV", "cs.LG"), ps.get(0).extra().get("categories"));
        assertTrue(ps.get(0).abstractText().contains("Simulation-based testing is widely used"));
        List<InputRecord> err = read("arxiv-atom-error.xml");
        assertEquals(List.of(new ReadError(arg("arxiv-atom-error.xml"), 8,
                "the arXiv API answered with an error: incorrect id format for 1234.12345")), err);
    }

    @Test
    void csvAndTsvReadQuotedMultiLineFieldsAndReportABadRow() throws IOException {
        List<InputRecord> csv = read("papers.csv");
        assertEquals(List.of("2309.03824", "2309.03965"), papers(csv).stream().map(Paper::id).toList());
        assertTrue(papers(csv).get(0).abstractText().contains("complexity.\nHowever, due to high number"), "a quoted line break is kept");
        assertTrue(papers(csv).get(0).title().startsWith("Training Acceleration of Low-Rank"), papers(csv).get(0).title());
        assertEquals(List.of(new ReadError(arg("papers.csv"), 6, "empty id")), errors(csv));
        List<InputRecord> tsv = read("papers.tsv");
        assertEquals(List.of("2309.03824", "2309.03965"), papers(tsv).stream().map(Paper::id).toList());
        assertEquals(List.of(new ReadError(arg("papers.tsv"), 4, "empty id")), errors(tsv));
    }

    @Test
    void fieldPathsReachNestedFields() throws IOException {
        List<InputRecord> rs = read("custom-fields.jsonl", new FieldPaths("meta.arxiv", "text.heading", "text.body"));
        assertEquals(List.of("2309.03824", "2309.03965"), papers(rs).stream().map(Paper::id).toList());
        assertTrue(papers(rs).get(0).title().startsWith("Training Acceleration"));
        List<InputRecord> without = read("custom-fields.jsonl");
        assertEquals(List.of("no id", "no id"), errors(without).stream().map(ReadError::reason).toList());
    }

    @Test
    void aCsvWithoutAnAbstractColumnIsOneErrorThatSaysWhatToDo() throws IOException {
        CsvReader reader = new CsvReader(new FieldPaths(null, null, "text"), 1 << 20);
        byte[] bytes = "id,title,body\n1,T,Some text\n".getBytes(StandardCharsets.UTF_8);
        var c = reader.open(new InputSource("t.csv", "t.csv", new ByteArrayInputStream(bytes)));
        InputRecord r = c.next();
        assertTrue(r instanceof ReadError e && e.reason().startsWith("the header has no 'text' column (it has: id, title, body)"), r.toString());
        assertEquals(null, c.next());
    }

    @Test
    void brokenAtomIsOneErrorAndNothingIsPrintedByTheParser() throws IOException {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(seen, true, StandardCharsets.UTF_8));
            String feed = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>http://arxiv.org/abs/2401.00001v1</id>"
                    + "<title>T</title><summary>It is 2x faster.</summary></entry>\n<entry><id>x</id><title>T</title><summary>";
            byte[] bad = concat(feed.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '('});
            bad = concat(bad, ("</summary></entry>\n<entry><id>http://arxiv.org/abs/2401.00003</id><title>U</title>"
                    + "<summary>It is 3x faster.</summary></entry></feed>").getBytes(StandardCharsets.UTF_8));
            List<InputRecord> rs = new java.util.ArrayList<>();
            var c = new AtomReader().open(new InputSource("f.xml", "f.xml", new ByteArrayInputStream(bad)));
            for (InputRecord r; (r = c.next()) != null; ) rs.add(r);
            assertEquals(List.of("2401.00001", "2401.00003"), papers(rs).stream().map(Paper::id).toList());
            assertEquals(List.of("invalid UTF-8 in the entry"), errors(rs).stream().map(ReadError::reason).toList());
            assertEquals(4, errors(rs).get(0).line(), "the entry's line");
            List<InputRecord> amp = new java.util.ArrayList<>();
            c = new AtomReader().open(new InputSource("g.xml", "g.xml", new ByteArrayInputStream((feed + "a & b</summary></entry></feed>").getBytes(StandardCharsets.UTF_8))));
            for (InputRecord r; (r = c.next()) != null; ) amp.add(r);
            assertTrue(errors(amp).get(0).reason().startsWith("malformed XML: "), amp.toString());
        } finally {
            System.setErr(err);
        }
        assertEquals("", seen.toString(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void csvSplitsQuotedFields() {
        assertEquals(List.of("a", "b, c", "d \"e\""), CsvReader.split("a,\"b, c\",\"d \"\"e\"\"\"", ','));
        assertEquals(null, CsvReader.split("a,\"open", ','));
        assertEquals(List.of("", ""), CsvReader.split(",", ','));
    }
}
