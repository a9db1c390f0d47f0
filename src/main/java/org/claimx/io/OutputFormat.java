package org.claimx.io;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The claim output formats. Adding one is one {@link ClaimWriter} class and one constant here. */
public enum OutputFormat {
    /** JSON Lines: one claim object per line, fields in contract order. */
    JSONL("jsonl", JsonlClaimWriter::new),
    /** One JSON array of claim objects, one per line. */
    JSON("json", JsonArrayClaimWriter::new),
    /** RFC 4180 CSV with a header row; value, bits and span flattened into columns. */
    CSV("csv", CsvClaimWriter::new);

    private final String id;
    private final Function<OutputStream, ClaimWriter> factory;

    OutputFormat(String id, Function<OutputStream, ClaimWriter> factory) {
        this.id = id;
        this.factory = factory;
    }

    /** The name used on the command line ({@code --format jsonl}). */
    public String id() {
        return id;
    }

    /** A writer to {@code out} (UTF-8). Closing the writer leaves {@code out} open. */
    public ClaimWriter open(OutputStream out) {
        return factory.apply(out);
    }

    /** Parses a command-line name, case-insensitively. */
    public static OutputFormat parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.id.equals(n)) return f;
        }
        throw new IllegalArgumentException("unknown output format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
