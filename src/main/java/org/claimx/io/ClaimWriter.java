package org.claimx.io;

import java.util.List;
import org.claimx.model.Paper;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import org.claimx.model.Claim;

/**
 * Writes claims in one output format as they come: nothing is held back but the bytes of the
 * current buffer. Made by {@link OutputFormat#open}.
 *
 * <p>{@link #close()} finishes the document (the closing bracket of a JSON array) and flushes, but
 * does not close the stream it writes to: the caller opened it and closes it (which lets a writer
 * write to {@code System.out}). Writing after close is an {@link IllegalStateException}.
 */
public interface ClaimWriter extends Closeable, Flushable {
    void write(Claim claim) throws IOException;

    /**
     * Writes the claims of one paper (none is fine). A flat writer writes the claims; a grouped one
     * ({@code --group paper}) one record for the paper, with its claims in it.
     */
    default void paper(Paper paper, List<Claim> claims) throws IOException {
        writeAll(claims);
    }

    /** Writes {@code claims} in order. */
    default void writeAll(Iterable<Claim> claims) throws IOException {
        for (Claim c : claims) write(c);
    }
}
