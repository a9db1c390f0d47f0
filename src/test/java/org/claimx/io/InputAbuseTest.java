package org.claimx.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that once lost records without a word: each now yields every good record or names every bad one. */
class InputAbuseTest {
    static final String A = "{\"id\":\"a\",\"abstract\":\"It is 2x faster.\"}";
    static final String B = "{\"id\":\"b\",\"abstract\":\"It is 3x faster.\"}";
    static final String C = "{\"id\":\"c\",\"abstract\":\"It is 4x faster.\"}";

    /** Every record as "id" (a paper) or "!line: reason" (an error), and the stats. */
    static List<String> read(ReadOptions options, InputFormat forced, Path... files) throws IOException {
        List<String> args = new ArrayList<>();
        for (Path f : files) args.add(f.toString());
        List<String> out = new ArrayList<>();
        try (PaperInput in = PaperInput.open(args, forced, System.in, options)) {
            while (in.hasNext()) {
                InputRecord r = in.next();
                out.add(r instanceof PaperRecord p ? p.paper().id() : "!" + ((ReadError) r).line() + ": " + ((ReadError) r).reason());
            }
            ReadStats s = in.stats();
            assertEquals(s.records(), s.papers() + s.errors() + s.duplicates(), "the counts add up to the records read");
        }
        return out;
    }

    static List<String> read(Path... files) throws IOException {
        return read(ReadOptions.DEFAULT, null, files);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aFirstLineThatIsANumberOrACommentLeavesAJsonLinesFileJsonLines(@TempDir Path dir) throws IOException {
        List<String> number = read(write(dir, "n.jsonl", "42\n" + A + "\n" + B + "\n"));
        assertEquals(List.of("!1: not a JSON object but a number", "a", "b"), number);
        List<String> comment = read(write(dir, "c.jsonl", "# papers of the week\n" + A + "\n" + B + "\n"));
        assertEquals(3, comment.size(), comment.toString());
        assertTrue(comment.get(0).startsWith("!1: malformed JSON"), comment.toString());
        assertEquals(List.of("a", "b"), comment.subList(1, 3));
    }

    @Test
    void aMalformedOrTrailingGarbageFirstLineIsOneErrorAndTheRestComesThrough(@TempDir Path dir) throws IOException {
        List<String> garbage = read(write(dir, "g.jsonl", A + " trailing\n" + B + "\n" + C + "\n"));
        assertEquals(3, garbage.size(), garbage.toString());
        assertTrue(garbage.get(0).startsWith("!1: "), garbage.toString());
        assertEquals(List.of("b", "c"), garbage.subList(1, 3));
        List<String> cut = read(write(dir, "m.jsonl", "{\"id\":\"x\", \"abstract\": \n" + B + "\n" + C + "\n"));
        assertEquals(List.of("b", "c"), cut.subList(1, 3), cut.toString());
        assertTrue(cut.get(0).startsWith("!1: malformed JSON"), cut.toString());
    }

    @Test
    void utf16WithAByteOrderMarkIsDecoded(@TempDir Path dir) throws IOException {
        String text = A + "\n{\"id\":\"é\",\"abstract\":\"Plus rapide de 2x — vraiment.\"}\n";
        for (boolean le : new boolean[] {true, false}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(le ? new byte[] {(byte) 0xff, (byte) 0xfe} : new byte[] {(byte) 0xfe, (byte) 0xff});
            b.write(text.getBytes(le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
            Path f = dir.resolve("u16" + le + ".jsonl");
            Files.write(f, b.toByteArray());
            assertEquals(List.of("a", "é"), read(f));
        }
    }

    @Test
    void aFileRemovedAfterTheRunStartsIsAnErrorForItAndTheFilesAfterItAreRead(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.jsonl", A + "\n");
        Path b = write(dir, "b.jsonl", B + "\n");
        Path c = write(dir, "c.jsonl", C + "\n");
        List<String> out = new ArrayList<>();
        try (PaperInput in = PaperInput.open(List.of(a.toString(), b.toString(), c.toString()), null)) {
            Files.delete(b);
            while (in.hasNext()) {
                InputRecord r = in.next();
                out.add(r instanceof PaperRecord p ? p.paper().id() : r.source() + ": " + ((ReadError) r).reason());
            }
            assertEquals(new ReadStats(3, 3, 2, 1, 0), in.stats());
        }
        assertEquals(List.of("a", b + ": no such input file: " + b, "c"), out);
    }

    @Test
    void aNamedPipeIsReadLikeAFile(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write((A + "\n" + B + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        try (PaperInput in = PaperInput.open(List.of(fifo.toString()), null)) {
            assertEquals(-1, in.bytesTotal());
        }
        assertEquals(List.of("a", "b"), read(fifo));
        writer.join();
    }

    @Test
    void aClaimsFileIsSaidToBeOneOnce(@TempDir Path dir) throws IOException {
        String claim = "{\"paper\":\"a\",\"field\":\"abstract\",\"span\":[6,8],\"sentence\":\"It is 2x faster.\",\"kind\":\"result\","
                + "\"method\":null,\"metric\":null,\"metric_class\":\"speed\",\"value\":{\"text\":\"2x\"},\"change\":\"increase\","
                + "\"baseline\":null,\"baseline_value\":null,\"dataset\":null,\"rule\":\"multiplier.number-x\",\"confidence\":0.5}";
        List<String> out = read(write(dir, "claims.jsonl", (claim + "\n").repeat(5)));
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0).startsWith("!1: this is a claims file (what claimx extract writes), not papers"), out.toString());
    }

    @Test
    void twoAbstractsWhoseHashesCollideAreTwoTextsAndExactRepeatsAreCounted(@TempDir Path dir) throws IOException {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        String aa = "{\"id\":\"x\",\"abstract\":\"It is 2x faster. Aa\"}";
        String bb = "{\"id\":\"x\",\"abstract\":\"It is 2x faster. BB\"}";
        List<String> out = read(write(dir, "d.jsonl", aa + "\n" + bb + "\n" + aa + "\n"));
        assertEquals(2, out.size(), out.toString());
        assertEquals("x", out.get(0));
        assertTrue(out.get(1).startsWith("!2: duplicate id x with another title or abstract"), out.toString());
    }

    @Test
    void dataAfterAGzipMemberIsReadAsMoreMembersOrReported(@TempDir Path dir) throws IOException {
        Path two = dir.resolve("two.jsonl.gz");
        try (OutputStream o = Files.newOutputStream(two)) {
            o.write(gzip(A + "\n"));
            o.write(gzip(B + "\n"));
        }
        assertEquals(List.of("a", "b"), read(two));
        for (String junk : new String[] {C + "\n", "x", "garbage after the member\n"}) {
            Path f = dir.resolve("junk.jsonl.gz");
            try (OutputStream o = Files.newOutputStream(f)) {
                o.write(gzip(A + "\n" + B + "\n"));
                o.write(junk.getBytes(StandardCharsets.UTF_8));
            }
            List<String> out = read(f);
            assertEquals(3, out.size(), junk + ": " + out);
            assertEquals(List.of("a", "b"), out.subList(0, 2));
            assertTrue(out.get(2).contains("data after the end of the gzip data"), out.toString());
        }
    }

    @Test
    void aNumericIdAtANestedPathKeepsItsDigitsAsWritten(@TempDir Path dir) throws IOException {
        Path custom = write(dir, "custom.jsonl", "{\"meta\":{\"arxiv\":2401.10200},\"text\":{\"body\":\"It is 2x faster.\"}}\n");
        assertEquals(List.of("2401.10200"), read(new ReadOptions(new FieldPaths("meta.arxiv", null, "text.body"),
                ReadOptions.DEFAULT_MAX_LINE_BYTES, ReadOptions.DEFAULT_MAX_ABSTRACT_CHARS), null, custom));
        Path hf = write(dir, "hf.jsonl", "{\"paper\":{\"id\":2401.10200,\"title\":\"T\",\"summary\":\"It is 2x faster.\"}}\n");
        assertEquals(List.of("2401.10200"), read(hf));
        Path array = write(dir, "hf.json", "[\n {\"paper\": {\"id\": 2401.10200, \"title\": \"T\", \"summary\": \"It is 2x faster.\"}}\n]\n");
        assertEquals(List.of("2401.10200"), read(array));
    }

    @Test
    void atomMarkupInATitleOrSummaryKeepsItsTextAndANestedEntryKeepsItsOwnId(@TempDir Path dir) throws IOException {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                + "<entry>\n<id>http://arxiv.org/abs/2401.00001v1</id>\n<title>Fast <i>k</i>-NN attention</title>\n"
                + "<summary>It is <math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mn>2.4</mn><mo>x</mo></math> faster.</summary>\n"
                + "<entry><id>http://arxiv.org/abs/9999.99999v1</id></entry>\n</entry>\n"
                + "<entry>\n<id>http://arxiv.org/abs/2401.00002v1</id>\n<title>T</title>\n<summary>It is 3x faster.</summary>\n</entry>\n"
                + "</feed>\n";
        Path f = write(dir, "feed.xml", feed);
        assertEquals(List.of("2401.00001", "2401.00002"), read(f));
        try (PaperInput in = PaperInput.open(List.of(f.toString()), null)) {
            PaperRecord first = (PaperRecord) in.next();
            assertEquals("Fast k-NN attention", first.paper().title());
            assertEquals("It is 2.4x faster.", first.paper().abstractText());
        }
    }

    @Test
    void aCsvQuoteLeftOpenIsAnErrorForItsRowAndDoesNotSwallowTheNext(@TempDir Path dir) throws IOException {
        Path f = write(dir, "p.csv", "id,title,abstract\n"
                + "p1,T,It is 2x faster.\n"
                + "p2,\"Unclosed title,It is 3x faster.\n"
                + "p3,T,\"It is 4x faster.\"\n"
                + "p4,T,\"A quoted abstract\nthat spans, legitimately, two lines: 5x.\"\n"
                + "p5,T,It is 6x faster.\n"
                + "p6,T,It is 7x faster.\n");
        List<String> out = read(f);
        assertEquals(List.of("p1", "!3: a quoted field is not closed on its row (line 4 reads as a row of its own)", "p3", "p4", "p5", "p6"), out);
    }

    @Test
    void aListingPageSaysWhatItSkipsAndAFileWithNoPaperIsAnError(@TempDir Path dir) throws IOException {
        String longAbstract = "We present a method that is 2.4x faster than FlashAttention on long sequences, "
                + "and reduces the memory footprint by up to 73% while keeping accuracy within 0.1 points of the baseline model on every benchmark we tried.";
        Path page = write(dir, "page.txt", "Daily Papers\n\nA Long Paper\n\n" + longAbstract + "\n\n"
                + "A Short Paper\n\nOur tiny method is 3x faster than the baseline on GSM8K.\n\nSubscribe\n");
        List<String> out = read(page);
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get(1).startsWith("!9: paper "), out.toString());
        assertTrue(out.get(1).contains("abstract of 56 characters and 11 words is skipped"), out.toString());
        Path jsonl = write(dir, "p.jsonl", A + "\n" + B + "\n");
        List<String> forced = read(ReadOptions.DEFAULT, InputFormat.PAGES, jsonl);
        assertEquals(1, forced.size(), forced.toString());
        assertTrue(forced.get(0).startsWith("!1: no paper found in 2 lines read as a listing page"), forced.toString());
    }

    @Test
    void oneJsonArrayElementOverTheLimitOrMalformedIsOneErrorAndTheElementsAfterItComeThrough(@TempDir Path dir) throws IOException {
        String huge = "{\"id\":\"huge\",\"abstract\":\"" + "It is 2x faster, [really]. ".repeat(100) + "\"}";
        Path f = write(dir, "p.json", "[\n  " + A + ",\n  " + huge + ",\n  {\"id\": \"bad\" \"abstract\": \"x\"},\n  " + B + "\n]\n");
        ReadOptions small = new ReadOptions(FieldPaths.DEFAULT, 1000, ReadOptions.DEFAULT_MAX_ABSTRACT_CHARS);
        List<String> out = read(small, null, f);
        assertEquals(4, out.size(), out.toString());
        assertEquals("a", out.get(0));
        assertEquals("!3: array element of " + huge.length() + " bytes, over the limit of 1000 (--max-line-bytes)", out.get(1));
        assertTrue(out.get(2).startsWith("!4: malformed JSON"), out.toString());
        assertEquals("b", out.get(3));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
