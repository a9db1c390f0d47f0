package org.claimx.io;

import static org.claimx.io.TestInputs.readDirect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

class TextReaderTest {
    private final TextReader reader = new TextReader();

    @Test
    void oneFileIsOneAbstract() throws IOException {
        List<InputRecord> records = readDirect(reader, "abstract.txt");
        assertEquals(1, records.size());
        PaperRecord r = (PaperRecord) records.get(0);
        assertEquals(1, r.line());
        assertEquals(TestInputs.arg("abstract.txt"), r.source());
        Paper p = r.paper();
        assertEquals("abstract.txt", p.id(), "id is the file name without directory");
        assertEquals("", p.title());
        String content = Files.readString(TestInputs.path("abstract.txt"));
        assertEquals(content.substring(0, content.length() - 1), p.abstractText(), "trailing newline trimmed");
        TestInputs.assertSamePaper(
                TestInputs.jacksonPapers("dev.papers.jsonl").stream().filter(x -> x.id().equals("1ffad4abe776"))
                        .findFirst().map(x -> new Paper("abstract.txt", "", x.abstractText())).orElseThrow(), p);
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertEquals(List.of(new ReadError(TestInputs.arg("empty.txt"), 1, "empty file")), readDirect(reader, "empty.txt"));
    }

    @Test
    void blankFileIsAnError() throws IOException {
        assertEquals(List.of(new ReadError("t", 1, "blank file")), read(" \n\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsInnerLineBreaksAndLeadingSpace() throws IOException {
        List<InputRecord> records = read("  First line.\r\nSecond line.\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("  First line.\r\nSecond line.", ((PaperRecord) records.get(0)).paper().abstractText());
    }

    @Test
    void invalidUtf8IsAnError() throws IOException {
        assertEquals(List.of(new ReadError("t", 1, "invalid UTF-8 at byte 4")),
                read(new byte[] {'a', 'b', 'c', ' ', (byte) 0xff, 'd'}));
    }

    private List<InputRecord> read(byte[] bytes) throws IOException {
        PaperReader.Cursor c = reader.open(new InputSource("t", "t", new ByteArrayInputStream(bytes)));
        List<InputRecord> out = new java.util.ArrayList<>();
        for (InputRecord r; (r = c.next()) != null; ) out.add(r);
        return out;
    }
}
