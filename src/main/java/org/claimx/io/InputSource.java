package org.claimx.io;

import java.io.InputStream;
import java.util.Objects;

/**
 * One source as a reader sees it: its name for messages ({@code name}: the path as given, or
 * {@code <stdin>}), the bare file name (used as paper id by the text format), and its content,
 * already decompressed and without a UTF-8 byte-order mark. The reader does not close the stream;
 * {@link PaperInput} does.
 */
public record InputSource(String name, String fileName, InputStream stream) {
    public InputSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(stream, "stream");
    }
}
