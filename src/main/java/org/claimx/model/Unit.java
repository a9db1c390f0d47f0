package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The canonical units of shared/CLAIMS.md. */
public enum Unit {
    X("x"), PERCENT("%"), PP("pp"), POINTS("points"), BITS("bits"), PARAMS("params"), TOKENS("tokens"),
    TOKENS_PER_S("tokens/s"), MS("ms"), S("s"), MIN("min"), H("h"), KB("KB"), MB("MB"), GB("GB"),
    TB("TB"), DOLLARS("$"), J("J"), W("W"), FLOPS("FLOPs"), SAMPLES("samples"), GPUS("GPUs"),
    FRACTION("fraction"), NONE("none");

    private final String json;

    Unit(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    @JsonCreator
    public static Unit of(String s) { return Enums.parse(Unit.class, s); }
}
