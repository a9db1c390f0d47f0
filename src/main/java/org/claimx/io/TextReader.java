package org.claimx.io;

import java.io.IOException;
import org.claimx.model.Paper;

/**
 * Plain text: one source is one abstract, record number 1. The paper's id is the source's file name
 * (no directory), its title is empty, its abstract the whole content with trailing line breaks
 * removed. An empty or blank source, a source that is not valid UTF-8, or one over {@link #MAX_BYTES}
 * (no abstract is that long: more likely a wrong format) gives a {@link ReadError} instead.
 *
 * <p>Recognizes anything: it is the fallback format and must stay last in {@link InputFormat}.
 */
public final class TextReader implements PaperReader {
    static final int MAX_BYTES = 16 * 1024 * 1024;

    @Override
    public boolean recognizes(Head head) {
        return true;
    }

    @Override
    public Cursor open(InputSource source) {
        return new Cursor() {
            private boolean done;

            @Override
            public InputRecord next() throws IOException {
                if (done) return null;
                InputRecord r = read(source);
                done = true;
                return r;
            }

            @Override
            public long position() {
                return 1;
            }
        };
    }

    private static InputRecord read(InputSource source) throws IOException {
        String name = source.name();
        byte[] bytes = source.stream().readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return new ReadError(name, 1, "larger than " + MAX_BYTES + " bytes: not one abstract");
        }
        String text;
        try {
            text = new StrictUtf8().decode(bytes);
        } catch (StrictUtf8.InvalidUtf8 e) {
            return new ReadError(name, 1, e.getMessage());
        }
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        text = text.substring(0, end);
        if (text.isBlank()) return new ReadError(name, 1, bytes.length == 0 ? "empty file" : "blank file");
        return new PaperRecord(name, 1, new Paper(source.fileName(), "", text));
    }
}
