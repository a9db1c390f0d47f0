package org.claimx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's counts add up to the records read: papers + errors + duplicates. */
class CountsCliTest {
    @Test
    void exactRepeatsAreCountedInTheSummaryAndHashTwinsAreTwoTexts(@TempDir Path dir) throws Exception {
        String aa = "{\"id\":\"x\",\"abstract\":\"It is 2x faster. Aa\"}\n";
        String bb = "{\"id\":\"x\",\"abstract\":\"It is 2x faster. BB\"}\n";
        String y = "{\"id\":\"y\",\"abstract\":\"It is 3x faster.\"}\n";
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, aa + bb + y + y + aa);
        CliTest.Run r = CliTest.run("extract", f.toString());
        assertEquals(1, r.code(), r.err());
        Matcher m = Pattern.compile("papers (\\d+), claims \\d+, errors (\\d+), duplicates (\\d+) \\(").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(2, Integer.parseInt(m.group(1)));
        assertEquals(1, Integer.parseInt(m.group(2)));
        assertEquals(2, Integer.parseInt(m.group(3)));
        assertTrue(r.err().contains(":2: duplicate id x with another title or abstract"), r.err());
    }

    @Test
    void aPipeIsReadAsAnInput(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "{\"id\":\"a\",\"abstract\":\"It is 2x faster.\"}\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        CliTest.Run r = CliTest.run("extract", fifo.toString());
        writer.join();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"paper\":\"a\""), r.out());
    }
}
