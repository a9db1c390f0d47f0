package org.claimx.io;

/**
 * One record read from an input: either a {@link PaperRecord} (a paper that was read) or a
 * {@link ReadError} (a record that could not be read). Both say where they came from, so every input
 * record can be accounted for in the output.
 *
 * <p>Named {@code InputRecord} rather than {@code Record} so that it never shadows
 * {@link java.lang.Record} where it is imported.
 */
public sealed interface InputRecord permits PaperRecord, ReadError {
    /** The file path as given, or {@code <stdin>}. */
    String source();

    /** The 1-based line number (jsonl, pages) or record number (text) within the source. */
    long line();
}
