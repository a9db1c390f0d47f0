package org.claimx.io;

import java.util.Objects;
import org.claimx.model.Paper;

/** A paper read from {@code source} at {@code line} (the line of its record, or of its abstract on a page). */
public record PaperRecord(String source, long line, Paper paper) implements InputRecord {
    public PaperRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(paper, "paper");
    }
}
