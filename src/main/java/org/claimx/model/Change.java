package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to the measured quantity. */
public enum Change {
    INCREASE, DECREASE, LEVEL;

    @JsonValue
    public String json() { return name().toLowerCase(); }

    @JsonCreator
    public static Change of(String s) { return Enums.parse(Change.class, s); }
}
