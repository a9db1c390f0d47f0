package org.claimx.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The input formats. Adding one is one {@link PaperReader} class and one constant here.
 *
 * <p>Declaration order is detection order: when no format is forced, each source goes to the first
 * format whose reader {@linkplain PaperReader#recognizes recognizes} its head. So a format that is a
 * special case of another (an OpenAlex dump is also JSON Lines) must come before it, and
 * {@link #TEXT}, which recognizes anything, stays last.
 */
public enum InputFormat {
    /** One JSON object per line: claimx's {@code id}, {@code title}, {@code abstract}, or the dumps of {@link JsonShapes}. */
    JSONL("jsonl", o -> new JsonlReader(o.paths(), o.maxLineBytes())),
    /** A JSON document: an array of papers, or a pretty-printed object or page of results. */
    JSON("json", o -> new JsonDocReader(o.paths(), o.maxLineBytes())),
    /** An arXiv API Atom feed. */
    ATOM("atom", AtomReader::new),
    /** Saved daily-papers listing pages. */
    PAGES("pages", o -> new PagesReader()),
    /** CSV or TSV with a header row. */
    CSV("csv", o -> new CsvReader(o.paths(), o.maxLineBytes())),
    /** One file, one abstract. */
    TEXT("text", o -> new TextReader());

    private final String id;
    private final Function<ReadOptions, PaperReader> reader;

    InputFormat(String id, Function<ReadOptions, PaperReader> reader) {
        this.id = id;
        this.reader = reader;
    }

    /** The name used on the command line ({@code --input-format jsonl}). */
    public String id() {
        return id;
    }

    public PaperReader reader() {
        return reader.apply(ReadOptions.DEFAULT);
    }

    public PaperReader reader(ReadOptions options) {
        return reader.apply(options);
    }

    /** The first format that recognizes {@code head}; never null, since text takes anything. */
    public static InputFormat detect(Head head) {
        return detect(head, ReadOptions.DEFAULT);
    }

    public static InputFormat detect(Head head, ReadOptions options) {
        for (InputFormat f : values()) {
            if (f.reader(options).recognizes(head)) return f;
        }
        throw new IllegalStateException("no input format recognizes the input; TEXT must stay last");
    }

    /** Parses a command-line name, case-insensitively. */
    public static InputFormat parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (InputFormat f : values()) {
            if (f.id.equals(n)) return f;
        }
        throw new IllegalArgumentException("unknown input format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(InputFormat::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
