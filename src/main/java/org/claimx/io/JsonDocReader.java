package org.claimx.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document rather than JSON Lines: an array of papers (the Hugging Face daily-papers API),
 * a pretty-printed object or page of results ({@code {"meta": ..., "results": [...]}}, the OpenAlex
 * API), or several such values one after another. Each paper is read in the shapes
 * {@link JsonShapes} knows; its record number is the line it starts on.
 *
 * <p>Streams: one element is in memory at a time. JSON that does not parse ends the source with one
 * error naming the line, since nothing after a syntax error can be trusted to be where it seems.
 */
public final class JsonDocReader implements PaperReader {
    private final FieldPaths paths;
    private final int maxElement;

    public JsonDocReader() {
        this(FieldPaths.DEFAULT);
    }

    public JsonDocReader(FieldPaths paths) {
        this(paths, JsonlReader.MAX_LINE);
    }

    /** Reads with {@code paths}; an element of a top-level array over {@code maxElement} bytes is an error record. */
    public JsonDocReader(FieldPaths paths, int maxElement) {
        this.paths = paths;
        this.maxElement = maxElement;
    }

    /** An array, or an object whose first line is not the whole object (so not JSON Lines). */
    @Override
    public boolean recognizes(Head head) {
        return head.firstNonBlank() == '[' || head.firstNonBlank() == '{';
    }

    @Override
    public Cursor open(InputSource source) {
        return new Cursor() {
            private JsonParser parser;
            private JsonElements elements;
            private java.io.BufferedInputStream in;
            private long lineOffset;
            private final Deque<InputRecord> pending = new ArrayDeque<>();
            private boolean inArray;
            private boolean done;
            private long line = 1;

            @Override
            public InputRecord next() throws IOException {
                while (pending.isEmpty() && !done) fill();
                return pending.poll();
            }

            /**
             * A top-level array is split into elements first (see {@link JsonElements}), so that one element
             * that is malformed or over the limit is one error record and the elements after it come through.
             */
            private boolean fillFromArray() throws IOException {
                if (in == null) in = new java.io.BufferedInputStream(source.stream(), 64 * 1024);
                if (elements == null) {
                    if (parser != null) return false;
                    long at = 1;
                    in.mark(1);
                    int c = in.read();
                    while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                        if (c == '\n') at++;
                        in.mark(1);
                        c = in.read();
                    }
                    if (c != '[') {
                        if (c >= 0) in.reset();
                        lineOffset = at - 1;
                        return false;
                    }
                    elements = new JsonElements(in, maxElement, at);
                }
                JsonElements.Element e;
                try {
                    e = elements.next();
                } catch (JsonElements.Broken b) {
                    done = true;
                    line = b.line;
                    pending.add(new ReadError(source.name(), b.line, "malformed JSON: " + b.getMessage()));
                    return true;
                }
                if (e == null) {
                    // After the array: more values may follow, read as before; lines go on from here.
                    lineOffset = elements.line() - 1;
                    elements = null;
                    parser = Json.mapper().getFactory().createParser(in);
                    parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                    return true;
                }
                line = e.line();
                if (e.tooBig()) {
                    pending.add(new ReadError(source.name(), e.line(), "array element of " + e.size() + " bytes, over the limit of "
                            + maxElement + " (--max-line-bytes)"));
                    return true;
                }
                try (JsonParser p = Json.mapper().getFactory().createParser(e.bytes())) {
                    p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.START_OBJECT) {
                        Map<String, String> written = new HashMap<>();
                        Map<String, Object> record = Json.readRecord(p, written);
                        if (p.nextToken() != null) throw new com.fasterxml.jackson.core.JsonParseException(p, "content after the JSON object");
                        pending.addAll(JsonlReader.records(source.name(), line, record, written, paths));
                    } else {
                        Object value = t == null ? null : Json.mapper().readValue(p, Object.class);
                        pending.add(JsonlReader.record(source.name(), line, value, Map.of(), paths));
                    }
                } catch (JsonProcessingException x) {
                    long at = x.getLocation() != null && x.getLocation().getLineNr() > 0 ? line + x.getLocation().getLineNr() - 1 : line;
                    pending.add(new ReadError(source.name(), at, "malformed JSON: " + JsonlReader.oneLine(x.getOriginalMessage())));
                }
                return true;
            }

            @SuppressWarnings("unchecked")
            private void fill() throws IOException {
                if (fillFromArray()) return;
                try {
                    if (parser == null) {
                        parser = Json.mapper().getFactory().createParser(in);
                        parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                    }
                    JsonToken t = parser.nextToken();
                    line = parser.currentTokenLocation().getLineNr() + lineOffset;
                    if (t == null) {
                        done = true;
                        return;
                    }
                    if (t == JsonToken.START_ARRAY && !inArray) {
                        inArray = true;
                        return;
                    }
                    if (t == JsonToken.END_ARRAY && inArray) {
                        inArray = false;
                        return;
                    }
                    if (t == JsonToken.START_OBJECT) {
                        Map<String, String> written = new HashMap<>();
                        Map<String, Object> record = Json.readRecord(parser, written);
                        pending.addAll(JsonlReader.records(source.name(), line, record, written, paths));
                        return;
                    }
                    Object value = Json.mapper().readValue(parser, Object.class);
                    pending.add(JsonlReader.record(source.name(), line, value, Map.of(), paths));
                } catch (JsonProcessingException e) {
                    done = true;
                    long at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() + lineOffset : line;
                    pending.add(new ReadError(source.name(), at, "malformed JSON: " + JsonlReader.oneLine(e.getOriginalMessage())));
                }
            }

            @Override
            public long position() {
                return line;
            }
        };
    }
}
