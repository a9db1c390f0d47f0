package org.claimx.eval;

import java.io.IOException;
import java.nio.file.Path;

/** A claims or papers file that cannot be read as the contract says; names the file and the 1-based line. */
public final class ClaimsFileException extends IOException {
    private final transient Path file;
    private final int line;

    public ClaimsFileException(Path file, int line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    public int line() { return line; }
}
