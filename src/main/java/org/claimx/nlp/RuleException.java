package org.claimx.nlp;

import java.nio.file.Path;

/** A rule or lexicon file that cannot be used, with the file and line that say why. */
public final class RuleException extends RuntimeException {
    private final Path file;
    private final int line;

    public RuleException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    public int line() { return line; }
}
