package org.claimx.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.claimx.model.Bits;
import org.claimx.model.Change;
import org.claimx.model.Claim;
import org.claimx.model.Field;
import org.claimx.model.Kind;
import org.claimx.model.MetricClass;
import org.claimx.model.Qualifier;
import org.claimx.model.Span;
import org.claimx.model.Unit;
import org.claimx.model.Value;
import org.junit.jupiter.api.Test;

class ClaimWritersTest {
    static final Claim SPEED = new Claim("a1b2c3d4e5f6", Field.ABSTRACT, new Span(120, 125),
            "Compared to competitive baselines, mllm-NPU achieves 22.4x faster prefill speed and 30.7x energy savings on average.",
            Kind.RESULT, "mllm-NPU", "prefill speed", MetricClass.SPEED,
            Value.single("22.4x", 22.4, Unit.X, Qualifier.AVERAGE), Change.INCREASE, "competitive baselines", null,
            null, "times-faster", 0.9);
    static final Claim SETTING = new Claim("zq", Field.TITLE, new Span(52, 56),
            "ZeroQuant-FP: A Leap Forward in LLMs Post-Training W4A8 Quantization", Kind.SETTING, "ZeroQuant-FP",
            "precision", MetricClass.PRECISION, new Value("W4A8", null, null, null, Unit.BITS, null, new Bits(4.0, 8.0, null)),
            Change.LEVEL, null, null, null, "wxay", 1.0);
    static final Claim AWKWARD = new Claim("p,\"q\"", Field.ABSTRACT, new Span(0, 9),
            "It scales 7B \"params\", fast,\nand\r\nwell — 約 2倍", Kind.RESULT, null, null, MetricClass.SIZE,
            Value.range("1.48x-12.1x", 1.48, 12.1, Unit.X, null), Change.LEVEL, null, 71.5, "ImageNet-1K", null, null);
    static final Claim BIG = new Claim("big", Field.ABSTRACT, new Span(3, 5), "7B parameters", Kind.RESULT, null,
            null, MetricClass.SIZE, Value.single("7B", 7e9, Unit.PARAMS, null), Change.LEVEL, null, null, null, null, null);
    static final List<Claim> CLAIMS = List.of(SPEED, SETTING, AWKWARD, BIG);

    @Test
    void jsonlRoundTripsToEqualClaims() throws IOException {
        String out = write(OutputFormat.JSONL, CLAIMS);
        String[] lines = out.split("\n", -1);
        assertEquals(CLAIMS.size() + 1, lines.length);
        assertEquals("", lines[CLAIMS.size()], "every line ends with a newline");
        List<Claim> back = new ArrayList<>();
        for (int i = 0; i < CLAIMS.size(); i++) back.add(Json.mapper().readValue(lines[i], Claim.class));
        assertEquals(CLAIMS, back);
    }

    @Test
    void jsonlHasContractFieldOrderNullsAndArraySpan() throws IOException {
        String first = write(OutputFormat.JSONL, List.of(SPEED)).strip();
        assertTrue(first.startsWith("{\"paper\":\"a1b2c3d4e5f6\",\"field\":\"abstract\",\"span\":[120,125],\"sentence\":"), first);
        List<String> names = new ArrayList<>();
        Json.mapper().readTree(first).fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("paper", "field", "span", "sentence", "kind", "method", "metric", "metric_class", "value",
                "change", "baseline", "baseline_value", "dataset", "rule", "confidence"), names);
        assertTrue(first.contains("\"value\":{\"text\":\"22.4x\",\"number\":22.4,\"low\":null,\"high\":null,"
                + "\"unit\":\"x\",\"qualifier\":\"average\",\"bits\":null}"), first);
        assertTrue(first.contains("\"baseline_value\":null,\"dataset\":null"), first);
        assertTrue(write(OutputFormat.JSONL, List.of(BIG)).contains("\"number\":7000000000,"), "whole numbers without fraction");
        // Helper methods of the model (isRange, isEmpty) are not contract fields.
        assertTrue(write(OutputFormat.JSONL, List.of(SETTING)).contains(
                "\"value\":{\"text\":\"W4A8\",\"number\":null,\"low\":null,\"high\":null,\"unit\":\"bits\","
                + "\"qualifier\":null,\"bits\":{\"w\":4,\"a\":8,\"kv\":null}},"));
    }

    @Test
    void jsonIsOneValidArray() throws IOException {
        String out = write(OutputFormat.JSON, CLAIMS);
        JsonNode array = Json.mapper().readTree(out);
        assertTrue(array.isArray());
        assertEquals(CLAIMS.size(), array.size());
        List<Claim> back = new ArrayList<>();
        for (JsonNode n : array) back.add(Json.mapper().treeToValue(n, Claim.class));
        assertEquals(CLAIMS, back);
        assertEquals("[]\n", write(OutputFormat.JSON, List.of()));
        assertTrue(Json.mapper().readTree(write(OutputFormat.JSON, List.of(SETTING))).isArray());
    }

    @Test
    void csvHasHeaderFlatColumnsAndRfc4180Quoting() throws IOException {
        String out = write(OutputFormat.CSV, CLAIMS);
        List<List<String>> rows = parseCsv(out);
        assertEquals(CsvClaimWriter.HEADER, rows.get(0));
        assertEquals("paper,field,span_start,span_end,sentence,kind,method,metric,metric_class,value_text,value_number,"
                + "value_low,value_high,value_unit,value_qualifier,bits_w,bits_a,bits_kv,change,baseline,baseline_value,"
                + "dataset,rule,confidence\r\n", out.substring(0, out.indexOf("\r\n") + 2));
        assertEquals(CLAIMS.size() + 1, rows.size());
        for (List<String> row : rows) assertEquals(CsvClaimWriter.HEADER.size(), row.size());

        assertEquals(List.of("a1b2c3d4e5f6", "abstract", "120", "125", SPEED.sentence(), "result", "mllm-NPU",
                "prefill speed", "speed", "22.4x", "22.4", "", "", "x", "average", "", "", "", "increase",
                "competitive baselines", "", "", "times-faster", "0.9"), rows.get(1));
        assertEquals(List.of("4", "8", ""), rows.get(2).subList(15, 18), "bits_w, bits_a, bits_kv");
        assertEquals("", rows.get(2).get(10), "W4A8 has no number");
        List<String> awkward = rows.get(3);
        assertEquals("p,\"q\"", awkward.get(0));
        assertEquals(AWKWARD.sentence(), awkward.get(4), "commas, quotes, LF and CRLF survive");
        assertEquals(List.of("1.48", "12.1"), awkward.subList(11, 13));
        assertEquals("71.5", awkward.get(20));
        assertEquals("7000000000", rows.get(4).get(10));
        assertTrue(out.contains("\"p,\"\"q\"\"\","), "quotes doubled inside a quoted field");
        assertEquals(String.join(",", CsvClaimWriter.HEADER) + "\r\n", write(OutputFormat.CSV, List.of()));
    }

    @Test
    void writersLeaveTheStreamOpenAndRefuseWritesAfterClose() throws IOException {
        for (OutputFormat f : OutputFormat.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ClaimWriter w = f.open(bytes);
            w.write(SPEED);
            w.close();
            w.close();
            bytes.write('#');
            assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("#"));
            assertThrows(IllegalStateException.class, () -> w.write(SPEED), f.id());
        }
    }

    @Test
    void errorWriterWritesJsonLines() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ErrorWriter w = new ErrorWriter(bytes)) {
            w.write(new ReadError("in/a.jsonl", 3, "malformed JSON: x"));
            w.write(new ReadError("<stdin>", 1, "empty \"file\""));
        }
        assertEquals("{\"source\":\"in/a.jsonl\",\"line\":3,\"reason\":\"malformed JSON: x\"}\n"
                + "{\"source\":\"<stdin>\",\"line\":1,\"reason\":\"empty \\\"file\\\"\"}\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void formatsParseTheirCommandLineNames() {
        assertEquals(OutputFormat.CSV, OutputFormat.parse("CSV"));
        assertEquals(InputFormat.PAGES, InputFormat.parse("pages"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputFormat.parse("xml"));
        assertEquals("unknown input format 'xml'; expected one of jsonl, json, atom, pages, csv, text", e.getMessage());
    }

    static String write(OutputFormat format, List<Claim> claims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ClaimWriter w = format.open(bytes)) {
            w.writeAll(claims);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A strict RFC 4180 parser for checking: CRLF row ends, quoted fields may hold anything. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' && f.isEmpty()) {
                i++;
                while (true) {
                    char d = s.charAt(i++);
                    if (d == '"') {
                        if (i < s.length() && s.charAt(i) == '"') { f.append('"'); i++; } else break;
                    } else f.append(d);
                }
                continue;
            }
            if (c == ',') { row.add(f.toString()); f.setLength(0); i++; continue; }
            if (c == '\r' && s.startsWith("\r\n", i)) {
                row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); i += 2; continue;
            }
            assertTrue(c != '"' && c != '\n' && c != '\r', "bare special character at " + i);
            f.append(c);
            i++;
        }
        assertTrue(row.isEmpty() && f.isEmpty(), "last row ends with CRLF");
        return rows;
    }
}
