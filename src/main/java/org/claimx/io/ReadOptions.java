package org.claimx.io;

/**
 * How inputs are read: where records keep their fields, and the limits past which a record is an
 * error rather than a paper. The defaults are far above any real abstract (the longest of 71,871
 * arXiv ML abstracts is under 2,000 words), so only a wrong file or a broken record meets them.
 */
public record ReadOptions(FieldPaths paths, int maxLineBytes, int maxAbstractChars) {
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_ABSTRACT_CHARS = 1_000_000;
    public static final ReadOptions DEFAULT = new ReadOptions(FieldPaths.DEFAULT, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_ABSTRACT_CHARS);

    public ReadOptions {
        if (paths == null) paths = FieldPaths.DEFAULT;
        if (maxLineBytes < 1) throw new IllegalArgumentException("the maximum line length must be a positive number of bytes: " + maxLineBytes);
        if (maxAbstractChars < 1) throw new IllegalArgumentException("the maximum abstract length must be a positive number of characters: " + maxAbstractChars);
    }
}
