package org.claimx.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimx.model.Paper;

/** Test inputs live in testdata/inputs (a fresh clone has no ../shared); helpers to read them. */
final class TestInputs {
    static final Path DIR = Path.of("testdata", "inputs");

    private TestInputs() {}

    static Path path(String name) {
        return DIR.resolve(name);
    }

    static String arg(String name) {
        return path(name).toString();
    }

    /** Every record one reader gives for one plain (not gzipped) file, bypassing the facade. */
    static List<InputRecord> readDirect(PaperReader reader, String name) throws IOException {
        Path p = path(name);
        try (InputStream in = Files.newInputStream(p)) {
            PaperReader.Cursor c = reader.open(new InputSource(p.toString(), p.getFileName().toString(), in));
            List<InputRecord> out = new ArrayList<>();
            for (InputRecord r; (r = c.next()) != null; ) out.add(r);
            return out;
        }
    }

    /** Every record the facade gives for {@code args}. */
    static List<InputRecord> readAll(PaperInput input) throws IOException {
        try (input) {
            List<InputRecord> out = new ArrayList<>();
            input.forEachRemaining(out::add);
            return out;
        }
    }

    static List<Paper> papers(List<InputRecord> records) {
        return records.stream().filter(r -> r instanceof PaperRecord).map(r -> ((PaperRecord) r).paper()).toList();
    }

    static List<ReadError> errors(List<InputRecord> records) {
        return records.stream().filter(r -> r instanceof ReadError).map(r -> (ReadError) r).toList();
    }

    /** The papers of a jsonl file, parsed by Jackson directly (an independent reading). */
    static List<Paper> jacksonPapers(String name) {
        try {
            List<Paper> out = new ArrayList<>();
            for (String line : Files.readAllLines(path(name))) {
                if (line.isBlank()) continue;
                JsonNode n = Json.mapper().readTree(line);
                out.add(new Paper(n.get("id").asText(), n.get("title").asText(), n.get("abstract").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSamePaper(Paper expected, Paper actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.title(), actual.title(), "title of " + expected.id());
        assertEquals(expected.abstractText(), actual.abstractText(), "abstract of " + expected.id());
    }
}
