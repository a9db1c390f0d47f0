package org.claimx.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** The one Jackson configuration of claimx: whole numbers are written without a fraction (7000000000, not 7.0E9). */
public final class Json {
    private static final ObjectMapper MAPPER = build();

    private Json() {}

    public static ObjectMapper mapper() { return MAPPER; }

    /**
     * Reads the JSON object whose START_OBJECT is the parser's current token as plain maps, lists,
     * strings, numbers and nulls, and puts into {@code written} the text of each number in it and in
     * the objects nested in it, as written, under its dotted path ({@code id}, {@code paper.id},
     * {@code meta.arxiv}), so that an id such as 2401.10200 or 1e5 keeps the digits it was given with
     * wherever the record keeps it.
     */
    static Map<String, Object> readRecord(JsonParser p, Map<String, String> written) throws IOException {
        return readObject(p, written, "");
    }

    private static Map<String, Object> readObject(JsonParser p, Map<String, String> written, String prefix) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isNumeric()) written.put(prefix + field, p.getText());
            if (t == JsonToken.START_OBJECT) record.put(field, readObject(p, written, prefix + field + "."));
            else record.put(field, MAPPER.readValue(p, Object.class));
        }
        return record;
    }

    /**
     * Reads and writes a small record on a daemon thread, so that Jackson's classes load while the
     * engine loads rather than after it: a one-abstract run starts sooner. Nothing it does is kept.
     */
    public static void warmUpInBackground() {
        org.claimx.Daemons.start(() -> {
            try {
                Object v = MAPPER.readValue("{\"id\": \"x\", \"title\": \"t\", \"n\": 1.5, \"a\": [null, true, 2]}", Object.class);
                MAPPER.writer().writeValue(java.io.OutputStream.nullOutputStream(), v);
            } catch (IOException | RuntimeException e) {
                // Only a warm-up: the real read reports its own errors.
            }
        }, "claimx-json-warm-up");
    }

    /** Whether {@code d} is written as a whole number, without fraction or exponent. */
    public static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15;
    }

    /** A number as the JSON output writes it, for formats written without Jackson (CSV). */
    public static String formatNumber(double d) {
        return isWhole(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static ObjectMapper build() {
        SimpleModule numbers = new SimpleModule("claimx-numbers");
        numbers.addSerializer(Double.class, new WholeDoubleSerializer());
        numbers.addSerializer(double.class, new WholeDoubleSerializer());
        return new ObjectMapper()
                .registerModule(numbers)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    static final class WholeDoubleSerializer extends StdSerializer<Double> {
        WholeDoubleSerializer() { super(Double.class); }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            double d = v;
            if (isWhole(d)) g.writeNumber((long) d);
            else g.writeNumber(d);
        }
    }
}
