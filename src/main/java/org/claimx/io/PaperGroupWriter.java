package org.claimx.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimx.model.Claim;
import org.claimx.model.Paper;

/**
 * {@code --group paper}: one record per paper read, claims or none, so that every paper of the input
 * stands in the output: {@code {"paper": id, "title": ..., "claims": [...]}}, one a line (JSON Lines)
 * or in one array (JSON). The claims are the same objects the flat formats write; claimscore.py and
 * {@code claimx eval --pred} read this shape too.
 */
public final class PaperGroupWriter implements ClaimWriter {
    private final JsonGeneratorWriter out;
    private final boolean array;
    private boolean first = true;

    public PaperGroupWriter(OutputStream stream, boolean array) {
        this.out = new JsonGeneratorWriter(stream);
        this.array = array;
    }

    @Override
    public void paper(Paper paper, List<Claim> claims) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("paper", paper.id());
        record.put("title", paper.title());
        record.put("claims", claims);
        if (array) out.raw(first ? "[\n" : ",\n");
        first = false;
        out.value(record);
        if (!array) out.raw("\n");
    }

    /** A claim alone has no paper record to stand in; grouping takes whole papers. */
    @Override
    public void write(Claim claim) {
        throw new UnsupportedOperationException("a grouped writer takes whole papers");
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (out.isClosed()) return;
        if (array) out.raw(first ? "[]\n" : "\n]\n");
        out.close();
    }
}
