package org.claimx.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real text for tests that compare two ways of matching: every title and abstract of the dev and heldout gold and the example papers. */
public final class GoldTexts {
    private GoldTexts() {}

    /** The non-empty titles and abstracts, in file order. */
    public static List<String> read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String file : new String[] {"testdata/gold/dev.papers.jsonl", "testdata/gold/heldout.papers.jsonl", "testdata/inputs/example.jsonl"}) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) continue;
                JsonNode paper = json.readTree(line);
                for (String field : new String[] {"title", "abstract"}) {
                    String text = paper.path(field).asText("");
                    if (!text.isEmpty()) out.add(text);
                }
            }
        }
        return out;
    }
}
