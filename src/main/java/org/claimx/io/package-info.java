/**
 * Reading papers and writing claims.
 *
 * <p>In: {@link org.claimx.io.PaperInput} takes paths (or {@code -} / nothing for standard input) and
 * an optional forced {@link org.claimx.io.InputFormat}, and yields {@link org.claimx.io.InputRecord}s
 * lazily and in input order: a {@link org.claimx.io.PaperRecord} per paper read, a
 * {@link org.claimx.io.ReadError} per record that could not be read. Gzip is undone by content; the
 * format is detected by content per source. An input that cannot be opened at all is an
 * {@link org.claimx.io.InputException}. A format is a {@link org.claimx.io.PaperReader} plus an
 * {@code InputFormat} constant.
 *
 * <p>Out: {@link org.claimx.io.OutputFormat#open} gives a streaming {@link org.claimx.io.ClaimWriter}
 * (jsonl, json, csv); {@link org.claimx.io.ErrorWriter} writes ReadErrors as JSON Lines. Writers do
 * not close the stream they are given. {@link org.claimx.io.Json} is the one Jackson configuration.
 */
package org.claimx.io;
