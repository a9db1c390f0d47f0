package org.claimx.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Atom reader applies the record limits while it reads: a text past them is counted, not kept. */
class AtomLimitsTest {
    private static String entry(String id, String title, String summary) {
        return "<entry>\n<id>http://arxiv.org/abs/" + id + "v2</id>\n<title>" + title + "</title>\n<summary>" + summary
                + "</summary>\n<author><name>A. Author</name></author>\n</entry>\n";
    }

    private static List<String> read(String feed, int maxChars) throws Exception {
        ReadOptions options = new ReadOptions(FieldPaths.DEFAULT, ReadOptions.DEFAULT_MAX_LINE_BYTES, maxChars);
        List<String> out = new ArrayList<>();
        try (PaperInput in = PaperInput.open(List.of("-"), InputFormat.ATOM,
                new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), options)) {
            in.forEachRemaining(r -> out.add(r instanceof PaperRecord p
                    ? "paper " + p.line() + " " + p.paper().id() + " " + p.paper().abstractText().length()
                    : "error " + ((ReadError) r).line() + " " + ((ReadError) r).reason()));
        }
        return out;
    }

    @Test
    void aSummaryOrTitlePastTheLimitIsAnErrorRecordAndTheEntriesAfterItAreRead() throws Exception {
        String feed = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                + entry("2401.00001", "Short", "It is 2x faster.")
                + entry("2401.00002", "Long", "a &amp; b <![CDATA[c]]> ".repeat(2000))
                + entry("2401.00003", "T".repeat(5000), "It is 3x faster.")
                + entry("2401.00004", "Short", "x".repeat(1000))
                + "</feed>\n";
        assertEquals(List.of(
                "paper 3 2401.00001 16",
                "error 9 paper 2401.00002: abstract of 16000 characters, over the limit of 1000 (--max-abstract-chars)",
                "error 15 paper 2401.00003: title of 5000 characters, over the limit of 1000 (--max-abstract-chars)",
                "paper 21 2401.00004 1000"), read(feed, 1000));
    }

    @Test
    void textSplitByEntitiesAndCdataIsReadWhole() throws Exception {
        String feed = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                + entry("2401.00001", "A &amp; B", "It is <![CDATA[2x]]> faster &lt;here&gt;.<!-- note --> Done.") + "</feed>\n";
        ReadOptions options = ReadOptions.DEFAULT;
        try (PaperInput in = PaperInput.open(List.of("-"), InputFormat.ATOM,
                new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), options)) {
            PaperRecord p = (PaperRecord) in.next();
            assertEquals("A & B", p.paper().title());
            assertEquals("It is 2x faster <here>. Done.", p.paper().abstractText());
        }
    }
}
