package org.claimx.io;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A record that could not be read: where it stands and why, in one line. The iterator that produced
 * it goes on with the next record (or the next source, when the source itself broke).
 */
@JsonPropertyOrder({"source", "line", "reason"})
public record ReadError(String source, long line, String reason) implements InputRecord {
    public ReadError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }
}
