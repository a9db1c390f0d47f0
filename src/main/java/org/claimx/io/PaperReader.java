package org.claimx.io;

import java.io.IOException;

/**
 * Reads the papers of one input format from one source. One implementation per {@link InputFormat};
 * implementations are stateless and a new {@link Cursor} is made per source.
 *
 * <p>A reader turns every bad record into a {@link ReadError} and goes on. It lets an
 * {@link IOException} from the stream escape: the stream itself broke (a truncated gzip file, a read
 * failure), nothing more can be read from it, and {@link PaperInput} reports it as a ReadError at
 * {@link Cursor#position()} before going on with the next source.
 */
public interface PaperReader {

    /**
     * Whether content that starts with {@code head} is in this format. Used only when no format is
     * forced; formats are asked in {@link InputFormat} declaration order and the first yes wins.
     */
    boolean recognizes(Head head);

    /** Starts reading {@code source}; reading happens as the cursor is pulled. */
    Cursor open(InputSource source);

    /** Pull-style reading of one source. Not thread-safe. */
    interface Cursor {
        /** The next record, or {@code null} when the source is exhausted. */
        InputRecord next() throws IOException;

        /** The 1-based line (or record) number being read now: where a broken stream broke. */
        long position();
    }
}
