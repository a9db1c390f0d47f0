package org.claimx.io;

/**
 * What a {@link PaperInput} has read so far. Every record is counted once:
 * {@code records == papers + errors + duplicates}. A duplicate is a second occurrence of a paper id
 * with the same title and abstract (dropped); one with a different title or abstract is an error.
 */
public record ReadStats(int sources, long records, long papers, long errors, long duplicates) {}
