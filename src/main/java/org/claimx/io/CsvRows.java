package org.claimx.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV writer of claimx (claims from {@code extract --format csv}, leaderboards): Jackson's CSV
 * module, RFC 4180 quoting and CRLF line ends, UTF-8 by the caller's writer. A null is an empty field
 * and a number is written as the JSON outputs write it. Closing it leaves the target open.
 */
public final class CsvRows {
    private static final CsvMapper MAPPER = new CsvMapper();

    static {
        MAPPER.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    private final SequenceWriter rows;

    public CsvRows(Writer out) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withNullValue("");
        this.rows = MAPPER.writer(schema).writeValues(out);
    }

    public void row(List<?> fields) throws IOException {
        List<String> text = new ArrayList<>(fields.size());
        // A list's null would be left out, shifting the fields after it: it is written as the empty field.
        for (Object f : fields) text.add(f == null ? "" : f instanceof Double d ? Json.formatNumber(d) : f.toString());
        rows.write(text);
    }

    public void flush() throws IOException {
        rows.flush();
    }
}
