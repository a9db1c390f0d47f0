package org.claimx.model;

/** Bit widths of a precision setting: weights, activations, KV cache; null where the text says nothing. */
public record Bits(Double w, Double a, Double kv) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() { return w == null && a == null && kv == null; }
}
