package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An outcome the paper reports, or a numeric-precision configuration it runs under. */
public enum Kind {
    RESULT, SETTING;

    @JsonValue
    public String json() { return name().toLowerCase(); }

    @JsonCreator
    public static Kind of(String s) { return Enums.parse(Kind.class, s); }
}
