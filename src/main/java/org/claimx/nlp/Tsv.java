package org.claimx.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A lexicon table: tab-separated columns, {@code #} comment lines and blank lines skipped. */
public record Tsv(Path file, List<Row> rows) {

    /** One row with its line number, so that a bad entry can be reported where it stands. */
    public record Row(int line, List<String> cols) {
        public String col(int i) { return i < cols.size() ? cols.get(i) : ""; }
    }

    public static Tsv read(Path file, int minColumns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + file + ": " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cols = List.of(line.split("\t", -1));
            if (cols.size() < minColumns) {
                throw new RuleException(file, i + 1, "expected " + minColumns + " tab-separated columns, got: " + line);
            }
            rows.add(new Row(i + 1, cols));
        }
        return new Tsv(file, List.copyOf(rows));
    }
}
