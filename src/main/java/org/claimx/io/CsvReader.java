package org.claimx.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimx.model.Paper;

/**
 * CSV or TSV with a header row: tab-separated when the header holds a tab, else comma-separated;
 * fields may be quoted ({@code "a ""quoted"" word"}) and a quoted field may span lines. The paper's
 * columns are {@code id} (or {@code paper_id}, {@code paperId}, {@code arxiv_id}), {@code title} and
 * {@code abstract} (or {@code summary}), matched without regard to case, or the columns that
 * {@code --id-field}, {@code --title-field} and {@code --abstract-field} name. Other columns ride
 * along. A record's number is the line it starts on; a row with another number of fields than the
 * header, or without id or abstract, is an error and reading goes on.
 */
public final class CsvReader implements PaperReader {
    private static final List<String> ID = List.of("id", "paper_id", "paperid", "arxiv_id");
    private static final List<String> TITLE = List.of("title");
    private static final List<String> ABSTRACT = List.of("abstract", "summary");

    private final FieldPaths paths;
    private final int maxLine;

    public CsvReader() {
        this(FieldPaths.DEFAULT, JsonlReader.MAX_LINE);
    }

    public CsvReader(FieldPaths paths, int maxLine) {
        this.paths = paths;
        this.maxLine = maxLine;
    }

    /** A first line that splits on tabs or commas into a header naming an abstract column. */
    @Override
    public boolean recognizes(Head head) {
        List<String> lines = head.lines();
        if (lines.isEmpty()) return false;
        String first = lines.get(0);
        if (first.startsWith("{") || first.startsWith("[") || first.startsWith("<")) return false;
        char sep = separator(first);
        if (first.indexOf(sep) < 0) return false;
        List<String> header = split(first, sep);
        if (header == null) return false;
        for (String h : header) {
            String c = h.strip().toLowerCase(Locale.ROOT);
            if (ABSTRACT.contains(c) || (paths.abstractField() != null && c.equals(paths.abstractField().toLowerCase(Locale.ROOT)))) return true;
        }
        return false;
    }

    @Override
    public Cursor open(InputSource source) {
        ByteLines lines = new ByteLines(source.stream(), maxLine);
        StrictUtf8 utf8 = new StrictUtf8();
        return new Cursor() {
            private List<String> header;
            private char sep;
            private int idCol = -1;
            private int titleCol = -1;
            private int absCol = -1;
            private boolean dead;
            private ByteLines.Line pushedBack;

            private ByteLines.Line nextLine() throws IOException {
                ByteLines.Line l = pushedBack != null ? pushedBack : lines.next();
                pushedBack = null;
                return l;
            }

            @Override
            public InputRecord next() throws IOException {
                while (!dead) {
                    ByteLines.Line line = nextLine();
                    if (line == null) return null;
                    long start = line.number();
                    if (line.tooLong()) return new ReadError(source.name(), start, "line longer than " + maxLine + " bytes (--max-line-bytes)");
                    if (line.isBlank()) continue;
                    StringBuilder row = new StringBuilder();
                    try {
                        row.append(utf8.decode(line.bytes()));
                        // A quoted field that spans lines: read on until its quotes close.
                        while (split(row.toString(), header == null ? separator(row.toString()) : sep) == null) {
                            ByteLines.Line more = nextLine();
                            if (more == null) return new ReadError(source.name(), start, "a quoted field is not closed before the end of the file");
                            if (more.tooLong()) return new ReadError(source.name(), start, "line longer than " + maxLine + " bytes (--max-line-bytes)");
                            String text = utf8.decode(more.bytes());
                            if (header != null && isRow(text)) {
                                // The header cannot explain a field that runs into a line that is a row of its own:
                                // a quote left open. This row is the error; that line is read again as the next row.
                                pushedBack = more;
                                return new ReadError(source.name(), start, "a quoted field is not closed on its row (line "
                                        + more.number() + " reads as a row of its own)");
                            }
                            row.append('\n').append(text);
                        }
                    } catch (StrictUtf8.InvalidUtf8 e) {
                        return new ReadError(source.name(), start, e.getMessage());
                    }
                    if (header == null) {
                        InputRecord problem = header(source.name(), start, row.toString());
                        if (problem != null) return problem;
                        continue;
                    }
                    return row(source.name(), start, split(row.toString(), sep));
                }
                return null;
            }

            /** A line that alone is a whole row: the header's number of fields, an id without spaces, an abstract. */
            private boolean isRow(String text) {
                List<String> f = split(text, sep);
                if (f == null || f.size() != header.size()) return false;
                String id = f.get(idCol).strip();
                return !id.isEmpty() && id.chars().noneMatch(Character::isWhitespace) && !f.get(absCol).isBlank();
            }

            private InputRecord header(String name, long n, String text) {
                sep = separator(text);
                header = split(text, sep).stream().map(String::strip).toList();
                idCol = column(paths.id(), ID);
                titleCol = column(paths.title(), TITLE);
                absCol = column(paths.abstractField(), ABSTRACT);
                if (idCol < 0 || absCol < 0) {
                    String missing = idCol < 0 ? (paths.id() != null ? "'" + paths.id() + "'" : "id") : (paths.abstractField() != null ? "'" + paths.abstractField() + "'" : "abstract");
                    // Without the column no row can be read: one error for the file says so.
                    dead = true;
                    return new ReadError(name, n, "the header has no " + missing + " column (it has: " + String.join(", ", header)
                            + "), so no row of this file was read; name the column with --id-field or --abstract-field");
                }
                return null;
            }

            private int column(String given, List<String> names) {
                for (int i = 0; i < header.size(); i++) {
                    String h = header.get(i).toLowerCase(Locale.ROOT);
                    if (given != null ? h.equals(given.toLowerCase(Locale.ROOT)) : names.contains(h)) return i;
                }
                return -1;
            }

            private InputRecord row(String name, long n, List<String> fields) {
                if (fields.size() != header.size()) {
                    return new ReadError(name, n, "row has " + fields.size() + " fields, the header " + header.size());
                }
                String id = fields.get(idCol).strip();
                String abs = fields.get(absCol);
                if (id.isEmpty()) return new ReadError(name, n, "empty " + header.get(idCol));
                if (abs.isBlank()) return new ReadError(name, n, "empty " + header.get(absCol));
                Map<String, Object> extra = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    if (i != idCol && i != titleCol && i != absCol && !fields.get(i).isEmpty()) extra.put(header.get(i), fields.get(i));
                }
                return new PaperRecord(name, n, new Paper(id, titleCol < 0 ? "" : fields.get(titleCol), abs, extra));
            }

            @Override
            public long position() {
                return lines.number() + 1;
            }
        };
    }

    /** Tab-separated when the header holds a tab, else comma-separated. */
    private static char separator(String header) {
        return header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /** The fields of one row; null when a quoted field is still open at the end of the text. */
    static List<String> split(String row, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean atStart = true;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < row.length() && row.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
                atStart = true;
                continue;
            } else if (c == '"' && atStart) {
                quoted = true;
            } else {
                cur.append(c);
            }
            atStart = false;
        }
        if (quoted) return null;
        out.add(cur.toString());
        return out;
    }
}
