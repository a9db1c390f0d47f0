package org.claimx.cli;

import org.claimx.io.FieldPaths;
import org.claimx.io.InputFormat;
import org.claimx.io.ReadOptions;
import org.claimx.pipeline.PaperGuard;
import picocli.CommandLine.Option;

/**
 * How papers are read and guarded, declared once for {@code claimx extract} and the Spark job (a picocli
 * mixin): the forced input format, the field paths, the size limits and the time budget of one paper.
 * The conversions throw {@link IllegalArgumentException} naming the bad value; each command reports it
 * as its usage error.
 */
public final class ReadingOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Read every input as this format instead of detecting it: jsonl, json, atom, pages, csv, text.")
    public String inputFormat;

    @Option(names = "--id-field", paramLabel = "PATH", description = "Where records keep the paper id: a JSON path (dots for nested objects, such as paper.id) or a CSV column.")
    public String idField;

    @Option(names = "--title-field", paramLabel = "PATH", description = "Where records keep the title (as --id-field).")
    public String titleField;

    @Option(names = "--abstract-field", paramLabel = "PATH", description = "Where records keep the abstract (as --id-field), such as paper.summary.")
    public String abstractField;

    @Option(names = "--max-abstract-chars", paramLabel = "N", defaultValue = "" + ReadOptions.DEFAULT_MAX_ABSTRACT_CHARS,
            description = "A longer title or abstract is an error record, not a paper. Default: ${DEFAULT-VALUE}.")
    public int maxAbstractChars;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + ReadOptions.DEFAULT_MAX_LINE_BYTES,
            description = "A longer line of JSON Lines or CSV is an error record. Default: ${DEFAULT-VALUE}.")
    public int maxLineBytes;

    @Option(names = "--max-paper-ms", paramLabel = "MS", defaultValue = "" + PaperGuard.DEFAULT_MAX_PAPER_MS,
            description = "A paper whose extraction takes longer is given up and reported as an error record. Default: ${DEFAULT-VALUE}.")
    public long maxPaperMs;

    /** The forced input format, or null to detect each input's. */
    public InputFormat inputFormat() {
        return inputFormat == null ? null : InputFormat.parse(inputFormat);
    }

    public ReadOptions readOptions() {
        return new ReadOptions(new FieldPaths(idField, titleField, abstractField), maxLineBytes, maxAbstractChars);
    }

    /** The time budget of one paper, at least 1 ms. */
    public long maxPaperMs() {
        if (maxPaperMs < 1) throw new IllegalArgumentException("--max-paper-ms must be at least 1: " + maxPaperMs);
        return maxPaperMs;
    }
}
