package org.claimx.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * What the JSON writers share: one UTF-8 generator over the caller's stream that writes objects as
 * root values with explicit separators, does not flush per value (a flush per claim would make
 * writing a large corpus slow) and does not close the stream.
 */
final class JsonGeneratorWriter {
    private final JsonGenerator generator;
    private final ObjectWriter writer;
    private boolean closed;

    JsonGeneratorWriter(OutputStream out) {
        try {
            this.generator = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            // Creating a generator over a stream does no I/O; Jackson declares the exception anyway.
            throw new UncheckedIOException(e);
        }
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // The separators are written explicitly, not Jackson's default space between root values.
        generator.setRootValueSeparator(null);
        this.writer = Json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    void raw(String s) throws IOException {
        checkOpen();
        generator.writeRaw(s);
    }

    void value(Object value) throws IOException {
        checkOpen();
        writer.writeValue(generator, value);
    }

    void flush() throws IOException {
        if (!closed) generator.flush();
    }

    /** Flushes and releases the generator; the stream stays open. */
    void close() throws IOException {
        if (closed) return;
        closed = true;
        generator.close();
    }

    boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("writer is closed");
    }
}
