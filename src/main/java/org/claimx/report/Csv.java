package org.claimx.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * CSV as the reports write it, through Jackson's CSV module: a header row, RFC 4180 quoting, and
 * {@code \n} line ends (the line ending claimx writes everywhere), null as an empty field.
 */
public final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {}

    public static String write(List<String> header, List<List<Object>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n").setNullValue("");
        header.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (SequenceWriter w = MAPPER.writer(schema.build()).writeValues(out)) {
            // A list's null would be left out, shifting the fields after it: write it as the empty field.
            for (List<Object> row : rows) w.write(row.stream().map(v -> v == null ? "" : v).toList());
        }
        return out.toString();
    }
}
