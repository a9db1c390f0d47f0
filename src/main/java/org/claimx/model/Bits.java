package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Bit widths of a precision setting: weights, activations, KV cache; null where the text says nothing. */
public record Bits(Double w, Double a, Double kv) {
    /** Not a field of the contract: Jackson would otherwise write it as {@code "empty"}. */
    @JsonIgnore
    public boolean isEmpty() { return w == null && a == null && kv == null; }
}
