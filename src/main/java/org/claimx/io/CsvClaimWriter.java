package org.claimx.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.claimx.model.Bits;
import org.claimx.model.Claim;
import org.claimx.model.Span;
import org.claimx.model.Value;

/**
 * Claims as CSV through {@link CsvRows} (RFC 4180 quoting, {@code \n} line ends, UTF-8): a header row, then
 * one row per claim. The columns follow the contract's field order, with {@code span} and {@code value}
 * (and its {@code bits}) flattened in place; see {@link #HEADER}. A null is an empty field; enums are
 * written in their JSON spelling and numbers as the JSON output writes them.
 */
final class CsvClaimWriter implements ClaimWriter {
    static final List<String> HEADER = List.of(
            "paper", "field", "span_start", "span_end", "sentence", "kind", "method", "metric", "metric_class",
            "value_text", "value_number", "value_low", "value_high", "value_unit", "value_qualifier",
            "bits_w", "bits_a", "bits_kv", "change", "baseline", "baseline_value", "dataset", "rule", "confidence");

    private final Writer out;
    private final CsvRows rows;
    private boolean headerWritten;
    private boolean closed;

    CsvClaimWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        try {
            this.rows = new CsvRows(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void write(Claim c) throws IOException {
        if (closed) throw new IllegalStateException("writer is closed");
        header();
        Span span = c.span();
        Value v = c.value();
        Bits bits = v == null ? null : v.bits();
        row(c.paper(), json(c.field()), span == null ? null : span.start(), span == null ? null : span.end(),
                c.sentence(), json(c.kind()), c.method(), c.metric(), json(c.metricClass()),
                v == null ? null : v.text(), v == null ? null : v.number(), v == null ? null : v.low(),
                v == null ? null : v.high(), v == null ? null : json(v.unit()), v == null ? null : json(v.qualifier()),
                bits == null ? null : bits.w(), bits == null ? null : bits.a(), bits == null ? null : bits.kv(),
                json(c.change()), c.baseline(), c.baselineValue(), c.dataset(), c.rule(), c.confidence());
    }

    @Override
    public void flush() throws IOException {
        if (closed) return;
        rows.flush();
        out.flush();
    }

    /** Writes the header if no claim came, and flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        header();
        closed = true;
        rows.flush();
        out.flush();
    }

    private void header() throws IOException {
        if (headerWritten) return;
        headerWritten = true;
        row(HEADER.toArray());
    }

    private void row(Object... fields) throws IOException {
        rows.row(java.util.Arrays.asList(fields));
    }

    /** An enum's JSON spelling (its @JsonValue), the same as in the JSON outputs; asked of Jackson once per constant. */
    private static String json(Enum<?> e) {
        if (e == null) return null;
        return ENUM_TEXT.computeIfAbsent(e, k -> Json.mapper().convertValue(k, String.class));
    }

    private static final Map<Enum<?>, String> ENUM_TEXT = new ConcurrentHashMap<>();
}
