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

    public JsonDocReader() {
        this(FieldPaths.DEFAULT);
    }

    public JsonDocReader(FieldPaths paths) {
        this.paths = paths;
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
            private final Deque<InputRecord> pending = new ArrayDeque<>();
            private boolean inArray;
            private boolean done;
            private long line = 1;

            @Override
            public InputRecord next() throws IOException {
                while (pending.isEmpty() && !done) fill();
                return pending.poll();
            }

            @SuppressWarnings("unchecked")
            private void fill() throws IOException {
                try {
                    if (parser == null) {
                        parser = Json.mapper().getFactory().createParser(source.stream());
                        parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
                    }
                    JsonToken t = parser.nextToken();
                    line = parser.currentTokenLocation().getLineNr();
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
                    long at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : line;
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
