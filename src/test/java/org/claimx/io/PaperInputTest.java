package org.claimx.io;

import static org.claimx.io.TestInputs.arg;
import static org.claimx.io.TestInputs.errors;
import static org.claimx.io.TestInputs.papers;
import static org.claimx.io.TestInputs.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

class PaperInputTest {
    private static final List<String> PAGES = List.of("pages/000_b28adb017f5799b7.txt",
            "pages/001_fd75de32f872d520.txt", "pages/002_0f15afe55be9c32e.txt");

    @Test
    void threePagesGiveTheirDistinctDevPapersExactly() throws IOException {
        PaperInput input = PaperInput.open(PAGES.stream().map(TestInputs::arg).toList(), null);
        List<InputRecord> records = readAll(input);
        List<Paper> papers = papers(records);
        assertEquals(List.of(), errors(records));
        assertEquals(256, papers.size());
        assertEquals(256, papers.stream().map(Paper::id).distinct().count());

        Map<String, Paper> dev = TestInputs.jacksonPapers("dev.papers.jsonl").stream()
                .collect(Collectors.toMap(Paper::id, Function.identity()));
        assertEquals(266, dev.size());
        for (Paper p : papers) TestInputs.assertSamePaper(dev.get(p.id()), p);
        Set<String> fromPages = papers.stream().map(Paper::id).collect(Collectors.toSet());
        assertEquals(10, dev.keySet().stream().filter(id -> !fromPages.contains(id)).count());

        // 81 + 151 + 71 paragraphs; 47 of them repeat a paper of an earlier page.
        assertEquals(new ReadStats(3, 303, 256, 0, 47), input.stats());
    }

    @Test
    void detectsEachSourceFormatByContent() throws IOException {
        PaperInput input = PaperInput.open(List.of(arg("papers.jsonl"), arg("abstract.txt"), arg(PAGES.get(2))), null);
        List<InputRecord> records = readAll(input);
        // One paper of the page (dc5dadad2df9) is also in papers.jsonl: kept once.
        assertEquals(5 + 1 + 71 - 1, records.size());
        assertEquals(new ReadStats(3, 77, 76, 0, 1), input.stats());
        assertEquals(arg("papers.jsonl"), records.get(0).source());
        assertEquals("853a153b1aba", ((PaperRecord) records.get(0)).paper().id());
        assertEquals("abstract.txt", ((PaperRecord) records.get(5)).paper().id());
        assertEquals("20405f3d29f9", ((PaperRecord) records.get(6)).paper().id());
    }

    @Test
    void gzipIsReadByMagicBytesWhateverTheName() throws IOException {
        List<Paper> plain = papers(readAll(PaperInput.open(List.of(arg("papers.jsonl")), null)));
        for (String gz : List.of("papers.jsonl.gz", "papers-gzipped.dat")) {
            List<InputRecord> records = readAll(PaperInput.open(List.of(arg(gz)), null));
            assertEquals(plain, papers(records), gz);
            assertEquals(arg(gz), records.get(0).source());
        }
    }

    @Test
    void truncatedGzipKeepsWhatCameBeforeAndGoesOn() throws IOException {
        PaperInput input = PaperInput.open(List.of(arg("truncated.jsonl.gz"), arg("papers.jsonl")), null);
        List<InputRecord> records = readAll(input);
        List<Paper> dev = TestInputs.jacksonPapers("dev.papers.jsonl");
        // The gzip holds the first 40 dev papers, cut after 18 complete lines.
        for (int i = 0; i < 18; i++) TestInputs.assertSamePaper(dev.get(i), ((PaperRecord) records.get(i)).paper());
        ReadError broken = (ReadError) records.get(18);
        assertEquals(arg("truncated.jsonl.gz"), broken.source());
        assertEquals(19, broken.line());
        assertTrue(broken.reason().startsWith("gzip data ends early (truncated file)"), broken.reason());
        // Then the next file, whose first five papers repeat the gzip's first five: dropped as duplicates.
        assertEquals(19, records.size());
        assertEquals(new ReadStats(2, 24, 18, 1, 5), input.stats());
    }

    @Test
    void gzipCutInItsHeaderIsOneError() throws IOException {
        List<InputRecord> records = readAll(PaperInput.open(List.of(arg("header-only.gz"), arg("abstract.txt")), null));
        assertEquals(2, records.size());
        ReadError e = (ReadError) records.get(0);
        assertEquals(arg("header-only.gz"), e.source());
        assertEquals(1, e.line());
        assertTrue(e.reason().startsWith("gzip data ends early"), e.reason());
        assertEquals("abstract.txt", ((PaperRecord) records.get(1)).paper().id());
    }

    @Test
    void missingFileOrDirectoryIsAnInputExceptionBeforeAnythingIsRead() {
        InputException missing = assertThrows(InputException.class,
                () -> PaperInput.open(List.of(arg("papers.jsonl"), arg("no-such-file.jsonl")), null));
        assertEquals("no such input file: " + arg("no-such-file.jsonl"), missing.getMessage());
        InputException dir = assertThrows(InputException.class, () -> PaperInput.open(List.of(arg("pages")), null));
        assertEquals("input is a directory, not a file: " + arg("pages"), dir.getMessage());
        assertThrows(InputException.class, () -> PaperInput.open(List.of("-", "-"), null, InputStream.nullInputStream()));
    }

    @Test
    void noInputsOrDashMeanStandardInput() throws IOException {
        byte[] jsonl = Files.readAllBytes(TestInputs.path("papers.jsonl"));
        List<InputRecord> viaNone = readAll(PaperInput.open(List.of(), null, new ByteArrayInputStream(jsonl)));
        assertEquals(5, viaNone.size());
        assertTrue(viaNone.stream().allMatch(r -> r.source().equals("<stdin>")));

        byte[] gz = Files.readAllBytes(TestInputs.path("papers.jsonl.gz"));
        List<InputRecord> mixed = readAll(PaperInput.open(List.of(arg("abstract.txt"), "-"), null, new ByteArrayInputStream(gz)));
        assertEquals(6, mixed.size());
        assertEquals("abstract.txt", ((PaperRecord) mixed.get(0)).paper().id());
        assertEquals(papers(viaNone), papers(mixed).subList(1, 6));

        List<InputRecord> text = readAll(PaperInput.open(List.of("-"), null,
                new ByteArrayInputStream("We are 2x faster.\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(new PaperRecord("<stdin>", 1, new Paper("stdin", "", "We are 2x faster."))), text);

        assertEquals(List.of(new ReadError("<stdin>", 1, "empty file")),
                readAll(PaperInput.open(List.of(), null, InputStream.nullInputStream())));
    }

    @Test
    void forcedFormatOverridesDetection() throws IOException {
        List<InputRecord> records = readAll(PaperInput.open(List.of(arg("papers.jsonl")), InputFormat.TEXT));
        assertEquals(1, records.size());
        Paper p = ((PaperRecord) records.get(0)).paper();
        assertEquals("papers.jsonl", p.id());
        assertTrue(p.abstractText().startsWith("{\"id\": \"853a153b1aba\""));
        // Still gunzipped when forced.
        assertEquals(5, papers(readAll(PaperInput.open(List.of(arg("papers-gzipped.dat")), InputFormat.JSONL))).size());
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        List<InputRecord> records = readAll(PaperInput.open(List.of(arg("bom.jsonl")), null));
        assertEquals(1, papers(records).size());
        assertFalse(papers(records).get(0).id().startsWith("\uFEFF"));
    }

    @Test
    void badPageThroughTheFacade() throws IOException {
        PaperInput input = PaperInput.open(List.of(arg("pages-bad.txt")), null);
        List<InputRecord> records = readAll(input);
        ReadStats stats = input.stats();
        // Papers at lines 7 and 19; 23 repeats 7; 27 clashes with 7; errors at 9, 13, 15, 29, 31 too.
        assertEquals(new ReadStats(1, 9, 2, 6, 1), stats);
        assertEquals(stats.records(), stats.papers() + stats.errors() + stats.duplicates());
        assertEquals(records.size(), stats.papers() + stats.errors());
        ReadError clash = (ReadError) records.stream().filter(r -> r.line() == 27).findFirst().orElseThrow();
        assertEquals("duplicate id " + PaperIds.fromTitle("First Title") + " with another title or abstract than at "
                + arg("pages-bad.txt") + ":7 (the first is kept)", clash.reason());
    }

    @Test
    void everyRecordOfEveryTestInputIsAccountedFor() throws IOException {
        List<String> all = List.of("papers.jsonl", "bad.jsonl", "invalid-utf8.jsonl", "abstract.txt", "empty.txt",
                "truncated.jsonl.gz", "header-only.gz", "pages-bad.txt", "bom.jsonl", PAGES.get(0));
        PaperInput input = PaperInput.open(all.stream().map(TestInputs::arg).toList(), null);
        List<InputRecord> records = readAll(input);
        ReadStats s = input.stats();
        assertEquals(all.size(), s.sources());
        assertEquals(s.records(), s.papers() + s.errors() + s.duplicates());
        assertEquals(records.size(), s.papers() + s.errors());
        assertEquals(s.papers(), papers(records).size());
    }

    @Test
    void readsLazily() throws IOException {
        // 200,000 records made on demand: the first must come out long before the stream ends.
        CountingLines source = new CountingLines(200_000);
        try (PaperInput input = PaperInput.open(List.of(), null, source)) {
            assertTrue(input.hasNext());
            assertEquals("p0", ((PaperRecord) input.next()).paper().id());
            // Read-ahead is bounded by the buffers (16 KB head + 64 KB lines), about 1,400 of these lines.
            assertTrue(source.produced < 2_000, "read ahead " + source.produced + " lines");
            long n = 1;
            while (input.hasNext()) {
                input.next();
                n++;
            }
            assertEquals(200_000, n);
        }
    }

    /** An endless-looking stdin that makes its jsonl lines as they are read. */
    private static final class CountingLines extends InputStream {
        private final int total;
        int produced;
        private byte[] line = new byte[0];
        private int pos;

        CountingLines(int total) {
            this.total = total;
        }

        @Override
        public int read() {
            if (pos == line.length) {
                if (produced == total) return -1;
                line = ("{\"id\":\"p" + produced + "\",\"abstract\":\"Abstract number " + produced + ".\"}\n")
                        .getBytes(StandardCharsets.UTF_8);
                produced++;
                pos = 0;
            }
            return line[pos++];
        }
    }
}
