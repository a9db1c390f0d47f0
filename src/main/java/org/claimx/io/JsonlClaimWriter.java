package org.claimx.io;

import java.io.IOException;
import java.io.OutputStream;
import org.claimx.model.Claim;

/** Claims as JSON Lines: one object per line, every field present (null where empty), in contract order. */
final class JsonlClaimWriter implements ClaimWriter {
    private final JsonGeneratorWriter out;

    JsonlClaimWriter(OutputStream stream) {
        this.out = new JsonGeneratorWriter(stream);
    }

    @Override
    public void write(Claim claim) throws IOException {
        out.value(claim);
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
