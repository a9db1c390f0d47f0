package org.claimx.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimx.model.Paper;

/**
 * JSON Lines: one object per line with {@code id} (string, or a number kept exactly as written),
 * {@code abstract} (a non-empty string) and optionally {@code title} (a string); any other field goes
 * to {@link Paper#extra()}. Blank lines are skipped. Each other line is one record: a paper, or a
 * {@link ReadError} naming the line and what is wrong with it (invalid UTF-8, malformed JSON, not an
 * object, missing or bad fields, content after the object, over {@link #MAX_LINE} bytes).
 *
 * <p>Reads line by line: memory does not grow with the file.
 */
public final class JsonlReader implements PaperReader {
    /** Longest line read; an abstract record is a few KB, so a longer line is not a record. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private static final int MAX_REASON = 200;

    @Override
    public boolean recognizes(Head head) {
        return head.firstNonBlank() == '{';
    }

    @Override
    public Cursor open(InputSource source) {
        return new JsonlCursor(source);
    }

    private static final class JsonlCursor implements Cursor {
        private final String name;
        private final ByteLines lines;
        private final StrictUtf8 utf8 = new StrictUtf8();
        private final ObjectMapper mapper = Json.mapper();
        private final JsonFactory factory = mapper.getFactory();

        JsonlCursor(InputSource source) {
            this.name = source.name();
            this.lines = new ByteLines(source.stream(), MAX_LINE);
        }

        @Override
        public long position() {
            return lines.number() + 1;
        }

        @Override
        public InputRecord next() throws IOException {
            ByteLines.Line line;
            do {
                line = lines.next();
                if (line == null) return null;
            } while (line.isBlank());
            long n = line.number();
            if (line.tooLong()) return new ReadError(name, n, "line longer than " + MAX_LINE + " bytes");
            String text;
            try {
                text = utf8.decode(line.bytes());
            } catch (StrictUtf8.InvalidUtf8 e) {
                return new ReadError(name, n, e.getMessage());
            }
            try {
                return parse(text, n);
            } catch (JsonProcessingException e) {
                return new ReadError(name, n, "malformed JSON: " + oneLine(e.getOriginalMessage()));
            }
        }

        /** Parses one line; a ReadError for a well-formed line whose content is not a paper. */
        private InputRecord parse(String text, long n) throws IOException {
            try (JsonParser p = factory.createParser(text)) {
                // Two "abstract" keys in one record would make one of them silently win.
                p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    return new ReadError(name, n, "not a JSON object but " + describe(first));
                }
                String id = null;
                String title = null;
                String abstractText = null;
                String problem = null;
                Map<String, Object> extra = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (field) {
                        case "id" -> {
                            if (t == JsonToken.VALUE_STRING) id = p.getText();
                            // getText() gives a number as written ("2401.10200"), not as re-printed.
                            else if (t.isNumeric()) id = p.getText();
                            else if (t != JsonToken.VALUE_NULL && problem == null) {
                                problem = "id is " + describe(t) + ", not a string or number";
                            }
                        }
                        case "title" -> {
                            if (t == JsonToken.VALUE_STRING) title = p.getText();
                            else if (t != JsonToken.VALUE_NULL && problem == null) {
                                problem = "title is " + describe(t) + ", not a string";
                            }
                        }
                        case "abstract" -> {
                            if (t == JsonToken.VALUE_STRING) abstractText = p.getText();
                            else if (t == JsonToken.VALUE_NULL && problem == null) problem = "abstract is null";
                            else if (problem == null) problem = "abstract is " + describe(t) + ", not a string";
                        }
                        default -> {
                            Object value = mapper.readValue(p, Object.class);
                            // Paper.extra is an immutable copy that cannot hold null; a null field says nothing.
                            if (value != null) extra.put(field, value);
                        }
                    }
                    if (t.isStructStart() && isPaperField(field)) p.skipChildren();
                }
                if (p.nextToken() != null) return new ReadError(name, n, "content after the JSON object");
                if (problem != null) return new ReadError(name, n, problem);
                if (id == null) return new ReadError(name, n, "no id");
                if (id.isBlank()) return new ReadError(name, n, "empty id");
                if (abstractText == null) return new ReadError(name, n, "no abstract");
                if (abstractText.isBlank()) return new ReadError(name, n, "empty abstract");
                return new PaperRecord(name, n, new Paper(id, title, abstractText, extra));
            }
        }

        private static boolean isPaperField(String field) {
            return field.equals("id") || field.equals("title") || field.equals("abstract");
        }
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
