package org.claimx.io;

import java.io.IOException;
import java.io.OutputStream;
import org.claimx.model.Claim;

/**
 * Claims as one JSON array, one claim per line, written as they come: the opening bracket goes out
 * with the first claim (or at close, as {@code []}) and the closing one at close. Output cut short
 * before close is therefore not valid JSON, which is as it should be for an incomplete run.
 */
final class JsonArrayClaimWriter implements ClaimWriter {
    private final JsonGeneratorWriter out;
    private boolean first = true;

    JsonArrayClaimWriter(OutputStream stream) {
        this.out = new JsonGeneratorWriter(stream);
    }

    @Override
    public void write(Claim claim) throws IOException {
        out.raw(first ? "[\n" : ",\n");
        first = false;
        out.value(claim);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (out.isClosed()) return;
        out.raw(first ? "[]\n" : "\n]\n");
        out.close();
    }
}
