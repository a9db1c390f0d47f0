package org.claimx.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one object per line, each a paper in one of the shapes {@link JsonShapes} knows
 * (claimx's own {@code id}, {@code title}, {@code abstract}; the Kaggle arXiv snapshot; OpenAlex;
 * Semantic Scholar; Hugging Face daily papers; or the user's field paths), or a page of API results
 * with one paper per result. Fields besides the paper's own go to {@code Paper#extra()}. Blank lines are skipped. Each other line is one record: a paper, or a
 * {@link ReadError} naming the line and what is wrong with it (invalid UTF-8, malformed JSON, not an
 * object, missing or bad fields, content after the object, over {@link #MAX_LINE} bytes).
 *
 * <p>Reads line by line: memory does not grow with the file.
 */
public final class JsonlReader implements PaperReader {
    /** Longest line read; an abstract record is a few KB, so a longer line is not a record. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private static final int MAX_REASON = 200;

    private final FieldPaths paths;
    private final int maxLine;

    public JsonlReader() {
        this(FieldPaths.DEFAULT, MAX_LINE);
    }

    public JsonlReader(FieldPaths paths, int maxLine) {
        this.paths = paths;
        this.maxLine = maxLine;
    }

    /**
     * A first line that is a whole object (or too long to see the end of): one record a line. So is a
     * head whose first line is something else (a number, a comment, a malformed or cut record) but
     * whose other lines are mostly whole objects: one bad line must not turn a file of records into
     * one JSON document or one text; it is an error record, and the lines after it come through.
     */
    @Override
    public boolean recognizes(Head head) {
        if (head.firstNonBlank() == '[') return false;
        List<String> lines = head.lines().stream().filter(l -> !l.isEmpty()).toList();
        if (head.firstNonBlank() == '{' && (lines.size() <= 1 || lines.get(0).endsWith("}"))) return true;
        // The last line of a full head may be cut short: it does not count either way.
        List<String> complete = head.length() >= Head.SIZE && lines.size() > 1 ? lines.subList(0, lines.size() - 1) : lines;
        long whole = complete.stream().filter(l -> l.startsWith("{") && l.endsWith("}")).count();
        return whole >= 2 && whole * 2 > complete.size();
    }

    @Override
    public Cursor open(InputSource source) {
        return new JsonlCursor(source, paths, maxLine);
    }

    private static final class JsonlCursor implements Cursor {
        private final String name;
        private final ByteLines lines;
        private final FieldPaths paths;
        private final int maxLine;
        private final StrictUtf8 utf8 = new StrictUtf8();
        private final ObjectMapper mapper = Json.mapper();
        private final JsonFactory factory = mapper.getFactory();
        private final Deque<InputRecord> pending = new ArrayDeque<>();

        JsonlCursor(InputSource source, FieldPaths paths, int maxLine) {
            this.name = source.name();
            this.paths = paths;
            this.maxLine = maxLine;
            this.lines = new ByteLines(source.stream(), maxLine);
        }

        @Override
        public long position() {
            return lines.number() + 1;
        }

        @Override
        public InputRecord next() throws IOException {
            if (!pending.isEmpty()) return pending.poll();
            ByteLines.Line line;
            do {
                line = lines.next();
                if (line == null) return null;
            } while (line.isBlank());
            long n = line.number();
            if (line.tooLong()) return new ReadError(name, n, "line longer than " + maxLine + " bytes (--max-line-bytes)");
            String text;
            try {
                text = utf8.decode(line.bytes());
            } catch (StrictUtf8.InvalidUtf8 e) {
                return new ReadError(name, n, e.getMessage());
            }
            try {
                pending.addAll(parse(text, n));
            } catch (JsonProcessingException e) {
                return new ReadError(name, n, "malformed JSON: " + oneLine(e.getOriginalMessage()));
            }
            return pending.isEmpty() ? next() : pending.poll();
        }

        /** Parses one line; ReadErrors for a well-formed line whose content is not a paper. */
        private List<InputRecord> parse(String text, long n) throws IOException {
            try (JsonParser p = factory.createParser(text)) {
                // Two "abstract" keys in one record would make one of them silently win.
                p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    return List.of(new ReadError(name, n, "not a JSON object but " + describe(first)));
                }
                Map<String, String> written = new HashMap<>();
                Map<String, Object> record = Json.readRecord(p, written);
                if (p.nextToken() != null) return List.of(new ReadError(name, n, "content after the JSON object"));
                return records(name, n, record, written, paths);
            }
        }
    }

    /**
     * The records of one JSON object: a paper (or why it is not one), or, for a page of an API's
     * results ({@code {"results": [...]}} as OpenAlex and others answer), one record per result.
     */
    static List<InputRecord> records(String name, long n, Map<String, Object> record, Map<String, String> written, FieldPaths paths) {
        if (record.get("results") instanceof List<?> results && !record.containsKey("abstract") && (paths == null || !paths.any())) {
            List<InputRecord> out = new ArrayList<>();
            for (Object r : results) out.add(record(name, n, r, Map.of(), paths));
            return out;
        }
        return List.of(record(name, n, record, written, paths));
    }

    @SuppressWarnings("unchecked")
    static InputRecord record(String name, long n, Object value, Map<String, String> written, FieldPaths paths) {
        if (!(value instanceof Map<?, ?>)) return new ReadError(name, n, "not a JSON object but " + JsonShapes.describe(value));
        JsonShapes.Result r = JsonShapes.read((Map<String, Object>) value, written, paths);
        return r.problem() != null ? new ReadError(name, n, r.problem()) : new PaperRecord(name, n, r.paper());
    }

    private static String describe(JsonToken t) {
        if (t == null) return "nothing";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase();
        };
    }

    /** Jackson messages can span lines and quote long input; a reason is one short line. */
    static String oneLine(String message) {
        String s = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "...";
    }
}
