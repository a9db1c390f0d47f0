package org.claimx.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@link ReadError}s as JSON Lines, {@code {"source":..,"line":..,"reason":..}}, as they come.
 * Closing flushes and leaves the stream open, as with {@link ClaimWriter}.
 */
public final class ErrorWriter implements Closeable, Flushable {
    private final JsonGeneratorWriter out;

    public ErrorWriter(OutputStream stream) {
        this.out = new JsonGeneratorWriter(stream);
    }

    public void write(ReadError error) throws IOException {
        out.value(error);
        out.raw("\n");
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
