package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A value mention: its text as written and what it means. A single figure has {@code number}; a
 * range has {@code low} and {@code high}; a precision has unit bits and, where the text says what
 * the width applies to, {@code bits}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"text", "number", "low", "high", "unit", "qualifier", "bits"})
public record Value(String text, Double number, Double low, Double high, Unit unit, Qualifier qualifier, Bits bits) {

    public static Value single(String text, double number, Unit unit, Qualifier qualifier) {
        return new Value(text, number, null, null, unit, qualifier, null);
    }

    public static Value range(String text, double low, double high, Unit unit, Qualifier qualifier) {
        return new Value(text, null, low, high, unit, qualifier, null);
    }

    /** Not a field of the contract: Jackson would otherwise write it as {@code "range"}. */
    @JsonIgnore
    public boolean isRange() { return number == null && low != null && high != null; }

    public Value withText(String newText) {
        return new Value(newText, number, low, high, unit, qualifier, bits);
    }
}
