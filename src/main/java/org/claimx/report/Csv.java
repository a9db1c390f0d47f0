package org.claimx.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * CSV as the reports write it: a header row, then the rows, through the one CSV writer of claimx
 * ({@link org.claimx.io.CsvRows}: Jackson's CSV module, RFC 4180 quoting, CRLF line ends), null as an empty field.
 */
public final class Csv {

    private Csv() {}

    public static String write(List<String> header, List<List<Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        org.claimx.io.CsvRows csv = new org.claimx.io.CsvRows(out);
        csv.row(header);
        for (List<Object> row : rows) csv.row(row);
        csv.flush();
        return out.toString();
    }
}
