package org.claimx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a test that scores a suite reports: the whole report (rates, failures by kind, the first failures)
 * goes to a file under target/, and the build log gets one line per suite and where the file is. A
 * passing build prints no FAIL line: failures under the floor are what the suites are for.
 */
public final class SuiteReport {
    /** An indented rate line: "  metric  12/20 (0.600)  floor 0.50". */
    private static final Pattern RATE = Pattern.compile("^\\s+(\\S+)\\s+(\\d+/\\s*\\d+)\\s+\\(([\\d.]+)\\)(?:\\s+floor\\s+([\\d.]+))?");

    private SuiteReport() {}

    /** Writes {@code report} to {@code file} and prints its summary: each unindented line, with the rates indented under it. */
    public static void print(String report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        String[] lines = report.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || Character.isWhitespace(lines[i].charAt(0))) continue;
            StringBuilder line = new StringBuilder(lines[i].strip());
            for (int j = i + 1; j < lines.length && !lines[j].isEmpty() && Character.isWhitespace(lines[j].charAt(0)); j++) {
                Matcher m = RATE.matcher(lines[j]);
                if (m.find()) {
                    line.append(", ").append(m.group(1)).append(' ').append(m.group(3).replaceAll("\\s", ""));
                    if (m.group(4) != null) line.append(" (floor ").append(m.group(4)).append(')');
                }
            }
            out.append(line).append('\n');
        }
        out.append("  (details: ").append(file).append(")\n");
        System.out.print(out);
    }
}
